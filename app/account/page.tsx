import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { listApiTokens, TOKEN_STATE_LABELS } from "@/lib/tokens/queries";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "@/lib/tokens/schemas";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { TokenCreateForm } from "@/components/account/token-create-form";
import { TokenRevokeButton } from "@/components/account/token-revoke-button";
import { ScrollRegion } from "@/components/scroll-region";
import { changePassword, createToken, revokeToken, saveNotificationSettings } from "./actions";
import { getNotificationPreferences } from "@/lib/notifications/queries";
import { KIND_LABELS } from "@/lib/notifications/kinds";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { signOutAction } from "@/lib/auth/sign-out";
import { Field, SetupForm } from "@/components/setup/setup-form";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { getTwoFactorStatus, pendingTwoFactorSecret } from "@/lib/users/two-factor";
import { enrolmentView } from "@/lib/auth/two-factor-qr";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "アカウント" };

const ROLE_LABELS: Record<string, string> = { viewer: "閲覧者", officer: "担当課職員", committee: "評価委員", admin: "管理者（企画担当）" };
const day = (d: Date | null) => (d ? d.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" }) : "—");
const time = (d: Date | null) => (d ? d.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" }) : "—");

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [tokens, preferences, twoFactor, pendingSecret] = await Promise.all([listApiTokens(db(), user.id), getNotificationPreferences(db(), user), getTwoFactorStatus(db(), user.id), pendingTwoFactorSecret(db(), user.id)]);
  const enrolment = pendingSecret ? await enrolmentView(pendingSecret, user.email) : null;
  return (
    <>
      <h1>アカウント</h1>
      <section aria-labelledby="account-user">
        <h2 id="account-user">利用者</h2>
        <dl className="measure-meta">
          <dt>氏名</dt>
          <dd>{user.name}</dd>
          <dt>メールアドレス</dt>
          <dd>{user.email}</dd>
          <dt>役割</dt>
          <dd>
            {user.memberships.length === 0 ? (
              "所属する団体はありません"
            ) : (
              <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
                {user.memberships.map((m) => (
                  <li key={`${m.organizationId}-${m.role}`}>
                    {m.organizationName}：{m.needsTwoFactor ? "管理者（企画担当）— 2段階認証でサインインするまで使えません" : (ROLE_LABELS[m.role] ?? m.role)}
                    {m.unitNames.length > 0 && `（${m.unitNames.join("・")}）`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="account-sessions">
        <h2 id="account-sessions">サインイン中の端末</h2>
        <p>ほかの端末（共用のパソコンなど）でサインインしたままかもしれないときは、すべての端末からサインアウトできます。この端末もサインアウトします。</p>
        <form action={signOutAction}>
          <button type="submit" className="button button--secondary">すべての端末からサインアウト</button>
        </form>
      </section>

      <section aria-labelledby="account-password">
        <h2 id="account-password">パスワードの変更</h2>
        <SetupForm action={changePassword} id="password" label="パスワードの変更" submit="パスワードを変更" resetOnSuccess>
          <Field name="currentPassword" label="現在のパスワード" type="password" autoComplete="current-password" required />
          <Field name="newPassword" label="新しいパスワード" type="password" autoComplete="new-password" hint={`${MIN_PASSWORD_LENGTH}文字以上`} required />
          <Field name="confirmPassword" label="新しいパスワード（確認）" type="password" autoComplete="new-password" required />
        </SetupForm>
      </section>

      <TwoFactorSection
        status={twoFactor}
        enrolment={enrolment}
        actions={{ start: startTwoFactorAction, confirm: confirmTwoFactorAction, regenerate: regenerateRecoveryCodesAction, disable: disableTwoFactorAction }}
      />

      <section aria-labelledby="account-notifications">
        <h2 id="account-notifications">通知の設定</h2>
        <p>
          シートの提出・差し戻し・承認、評価委員のコメント、提出期限などのお知らせは、画面上部の「<a href="/notifications">お知らせ</a>」に届きます。
          種類ごとに、メール（{user.email}）でも受け取るかどうかを選べます。
        </p>
        <PreferencesForm action={saveNotificationSettings} rows={preferences.map((p) => ({ kind: p.kind, email: p.email, ...KIND_LABELS[p.kind] }))} />
      </section>

      <section aria-labelledby="account-tokens">
        <h2 id="account-tokens">API トークン</h2>
        <p>
          RPA や統計システムから実績値などを登録するときに使う、あなた専用の鍵です。トークンはあなたの役割と担当の範囲で動き、変更はトークンの名前つきで監査ログに残ります。
          使い方は <a href="/api/v1/openapi.json">API の説明（OpenAPI）</a> を参照してください。
        </p>
        {tokens.length === 0 ? (
          <p className="muted">まだトークンはありません。</p>
        ) : (
          <ScrollRegion label="API トークンの一覧（横にスクロールできます）">
            <table className="data-table" style={{ whiteSpace: "nowrap" }}>
              <caption>あなたの API トークン</caption>
              <thead>
                <tr>
                  <th scope="col">名前</th>
                  <th scope="col">先頭の文字</th>
                  <th scope="col">作成日</th>
                  <th scope="col">有効期限</th>
                  <th scope="col">最終利用</th>
                  <th scope="col">状態</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td><code>{t.prefix}…</code></td>
                    <td>{day(t.createdAt)}</td>
                    <td>{t.expiresAt ? day(t.expiresAt) : "なし"}</td>
                    <td>{time(t.lastUsedAt)}</td>
                    <td>{TOKEN_STATE_LABELS[t.state]}</td>
                    <td>{t.state === "active" ? <TokenRevokeButton action={revokeToken} tokenId={t.id} tokenName={t.name} /> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <h3>トークンを作成する</h3>
        <TokenCreateForm action={createToken} defaultDays={DEFAULT_TOKEN_DAYS} maxDays={MAX_TOKEN_DAYS} />
      </section>
    </>
  );
}
