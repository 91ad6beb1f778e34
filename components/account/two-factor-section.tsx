// 2段階認証 on /account (server component): off → how it works and a start button; pending → the QR code, the
// secret as text and the first code; on → since when, recovery codes left, reissue, and turning it off (refused
// while an organisation requires it of the user as its admin). SSO accounts are sent to their identity provider.
import type { FormState } from "@/lib/actions/form-state";
import { Field, SetupForm } from "@/components/setup/setup-form";
import { RecoveryCodesForm, TwoFactorEnrolment } from "./two-factor-forms";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;
export type TwoFactorStatus = { passwordAccount: boolean; enabledAt: Date | null; pending: boolean; recoveryCodesLeft: number; requiredBy: string[] };

const day = (d: Date) => d.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "long" });

export function TwoFactorSection({ status, enrolment, actions }: { status: TwoFactorStatus; enrolment: { svg: string; groupedSecret: string } | null; actions: { start: Action; confirm: Action; regenerate: Action; disable: Action } }) {
  return (
    <section aria-labelledby="two-factor">
      <h2 id="two-factor">2段階認証</h2>
      {!status.passwordAccount ? (
        <p>組織のアカウント（SSO）でサインインしています。2段階認証などの確認は、組織の仕組み（ID プロバイダー）が行います。</p>
      ) : status.enabledAt ? (
        <>
          <p>
            <strong>有効</strong>（{day(status.enabledAt)}から）。サインインのとき、パスワードのあとに認証アプリの確認コードを入力します。
            使える回復コードは残り <strong>{status.recoveryCodesLeft.toLocaleString("ja-JP")}個</strong> です。
          </p>
          {status.requiredBy.length > 0 && <p>{status.requiredBy.join("・")}では、管理者に2段階認証が必須です。</p>}
          <h3>回復コードの再発行</h3>
          <p>新しい回復コードを10個発行します。それまでの回復コードは使えなくなります。</p>
          <RecoveryCodesForm action={actions.regenerate} />
          <h3>2段階認証を無効にする</h3>
          {status.requiredBy.length > 0 ? (
            <p>{status.requiredBy.join("・")}では管理者に2段階認証が必須のため、無効にできません。</p>
          ) : (
            <SetupForm action={actions.disable} id="two-factor-disable" label="2段階認証を無効にする" submit="2段階認証を無効にする">
              <Field name="password" label="パスワード" type="password" autoComplete="current-password" required />
              <Field name="code" label="確認コードまたは回復コード" autoComplete="one-time-code" required />
            </SetupForm>
          )}
        </>
      ) : status.pending && enrolment ? (
        <>
          <TwoFactorEnrolment svg={enrolment.svg} groupedSecret={enrolment.groupedSecret} confirm={actions.confirm} restart={actions.start} />
        </>
      ) : (
        <>
          <p>
            サインインのとき、パスワードに加えてスマートフォンの認証アプリに表示される確認コードを入力するようにできます。パスワードが漏れても、他人はサインインできません。
            総務省の「地方公共団体における情報セキュリティポリシーに関するガイドライン」も多要素認証を推奨しています。
          </p>
          {status.requiredBy.length > 0 && (
            <p><strong>{status.requiredBy.join("・")}では、管理者に2段階認証が必須です。</strong>設定して確認コードでサインインし直すと、管理者の機能を使えます。</p>
          )}
          <SetupForm action={actions.start} id="two-factor-start" label="2段階認証の設定" submit="2段階認証を設定する">
            <input type="hidden" name="intent" value="start" />
          </SetupForm>
        </>
      )}
    </section>
  );
}
