import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { getOrganizationSetup } from "@/lib/organizations/queries";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { PLAN_STATUS_LABELS, PROGRESS_RULE_LABELS, planYearOptions } from "@/lib/plans/setup";
import { RuleSettingsFields } from "@/components/setup/rule-settings-fields";
import { ruleSettingsSpec } from "@/lib/progress/settings";
import { planPath } from "@/lib/paths";
import { ScrollRegion } from "@/components/scroll-region";
import { Field, SetupForm } from "@/components/setup/setup-form";
import { SetupRefused } from "@/components/setup/setup-refused";
import { adminTwoFactorAction, createPlanAction } from "./actions";
import { db } from "@/lib/db";
import { getAdminTwoFactorOverview } from "@/lib/organizations/security";

export const metadata: Metadata = { title: "設定" };
type Props = { params: Promise<{ code: string }> };

/** An organisation's set-up home (its administrators): units, the plans in every status, a new plan. */
export default async function OrganizationSetupPage({ params }: Props) {
  const { code } = await params;
  const user = await requireUser(`/orgs/${code}/setup`);
  const org = await getOrganizationSetup(code);
  if (!org) notFound();
  if (!can(user, "plan.manage", { organizationId: org.id })) return <SetupRefused />;
  const security = can(user, "organization.security", { organizationId: org.id }) ? await getAdminTwoFactorOverview(db(), org.id) : null;
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/orgs">団体一覧</a></li>
          <li aria-current="page">{org.name}の設定</li>
        </ol>
      </nav>
      <h1>{org.name}の設定</h1>
      <ul>
        <li><a href={`/orgs/${org.code}/setup/units`}>部局・課の設定</a>（現在 {org._count.units} 部署）</li>
        <li><a href="/admin/users">利用者の管理</a></li>
      </ul>
      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">計画</h2>
        {org.plans.length === 0 ? (
          <p>計画はまだありません。下のフォームで作成してください。</p>
        ) : (
          <ScrollRegion label="計画の一覧">
            <table className="data-table setup-table">
              <caption className="visually-hidden">計画の一覧</caption>
              <thead>
                <tr>
                  <th scope="col">計画</th>
                  <th scope="col">期間</th>
                  <th scope="col">状態</th>
                  <th scope="col" className="num">指標</th>
                  <th scope="col">公開ページ</th>
                </tr>
              </thead>
              <tbody>
                {org.plans.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={`${planPath(org.code, p.slug)}/setup`}>{p.name}</a>
                      {p.predecessor && <div className="muted">前期：{p.predecessor.name}</div>}
                    </th>
                    <td>{fiscalYearWithWestern(p.startYear)}〜{fiscalYearWithWestern(p.endYear)}</td>
                    <td><strong>{PLAN_STATUS_LABELS[p.status]}</strong></td>
                    <td className="num">{p._count.measures}</td>
                    <td>{p.status === "preparing" ? <span className="muted">非公開（準備中）</span> : <a href={planPath(org.code, p.slug)}>表示<span className="visually-hidden">（{p.name}）</span></a>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      {security && (
        <section aria-labelledby="security-heading">
          <h2 id="security-heading">サインインの安全性</h2>
          <p>
            必須にすると、この団体の管理者は、2段階認証（パスワードと認証アプリの確認コード）でサインインしたときだけ管理者の機能を使えます。
            設定していない管理者は、設定するまで管理の操作ができません（API トークンも同じです）。組織のアカウント（SSO）でサインインする管理者は、ID プロバイダーの確認に従います。
          </p>
          <ScrollRegion label="管理者の2段階認証の状況">
            <table className="data-table">
              <caption>この団体の管理者の2段階認証</caption>
              <thead>
                <tr>
                  <th scope="col">氏名</th>
                  <th scope="col">メールアドレス</th>
                  <th scope="col">2段階認証</th>
                </tr>
              </thead>
              <tbody>
                {security.admins.map((a) => (
                  <tr key={a.email}>
                    <th scope="row">{a.name}</th>
                    <td>{a.email}</td>
                    <td>{a.sso ? "SSO（ID プロバイダー）" : a.enabled ? "有効" : "未設定"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <SetupForm action={adminTwoFactorAction} id="admin-two-factor" label="管理者の2段階認証" submit="保存">
            <input type="hidden" name="organizationId" value={org.id} />
            <div className="checkbox-field">
              <input type="checkbox" id="admin-two-factor-required" name="required" value="on" defaultChecked={security.required} aria-describedby="admin-two-factor-hint" />
              <label htmlFor="admin-two-factor-required">管理者に2段階認証を必須にする</label>
              <p className="hint" id="admin-two-factor-hint">必須にできるのは、ご自身の2段階認証を<a href="/account#two-factor">アカウントのページ</a>で有効にしている管理者です。</p>
            </div>
          </SetupForm>
        </section>
      )}
      <section aria-labelledby="new-plan-heading">
        <h2 id="new-plan-heading">計画の作成</h2>
        <p>作成した計画は「準備中」の間、この団体の職員だけが見られます。指標を設定してから「運用中」にすると公開されます。</p>
        <SetupForm action={createPlanAction} id="new-plan" label="計画の作成" submit="計画を作成" resetOnSuccess>
          <input type="hidden" name="organizationId" value={org.id} />
          <Field name="name" label="計画名" required hint="例：嘉麻市人口ビジョン・デジタル田園都市構想総合戦略" />
          <Field name="slug" label="URL 名" required hint="半角英小文字・数字と「-」（例 kama-2025）。作成後は変更できません。" autoComplete="off" />
          <Field name="startYear" label="開始年度" required options={planYearOptions(fiscalYearWithWestern)} />
          <Field name="endYear" label="終了年度" required options={planYearOptions(fiscalYearWithWestern)} />
          <RuleSettingsFields formId="new-plan" rules={Object.entries(PROGRESS_RULE_LABELS).map(([value, label]) => ({ value, label }))} spec={ruleSettingsSpec()} rule="default" settings={{}} />
          <Field name="status" label="状態" defaultValue="preparing" options={[{ value: "preparing", label: "準備中（職員のみ）" }, { value: "active", label: "運用中（公開）" }]} />
          <Field name="description" label="説明" multiline />
        </SetupForm>
      </section>
    </>
  );
}
