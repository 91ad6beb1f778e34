import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { getPlanSetup } from "@/lib/plans/setup-queries";
import { canSeePlan } from "@/lib/plans/visibility";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { needsReason, PLAN_STATUS_LABELS, PROGRESS_RULE_LABELS, planYearOptions, STATUS_CHANGES, type PlanStatus } from "@/lib/plans/setup";
import { SECTION_KIND_LABELS } from "@/lib/plans/sections";
import { planPath } from "@/lib/paths";
import { Field, SetupForm } from "@/components/setup/setup-form";
import { RuleSettingsFields } from "@/components/setup/rule-settings-fields";
import { ruleSettingsSpec } from "@/lib/progress/settings";
import { SetupRefused } from "@/components/setup/setup-refused";
import { addSectionAction, deleteSectionAction, moveSectionAction, nextPeriodAction, planStatusAction, updatePlanAction, updateSectionAction } from "./actions";

export const metadata: Metadata = { title: "計画の設定" };
type Props = { params: Promise<{ code: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const kindOptions = Object.entries(SECTION_KIND_LABELS).map(([value, label]) => ({ value, label }));
const STATUS_VERBS: Record<PlanStatus, string> = { preparing: "準備中に戻す", active: "運用を開始する（公開）", ended: "終了する" };
const verb = (from: PlanStatus, to: PlanStatus) => (from === "ended" && to === "active" ? "運用中に戻す" : STATUS_VERBS[to]);

/** A plan's set-up: its settings and status, its sections, and starting the next period from it. */
export default async function PlanSetupPage({ params, searchParams }: Props) {
  const { code, slug } = await params;
  const sp = await searchParams;
  const user = await requireUser(`/orgs/${code}/plans/${slug}/setup`);
  const plan = await getPlanSetup(code, slug);
  // a 準備中 plan does not exist for outsiders
  if (!plan || !canSeePlan(user, { status: plan.status, organizationId: plan.organization.id })) notFound();
  if (!can(user, "plan.manage", { organizationId: plan.organization.id })) return <SetupRefused />;
  const base = `${planPath(code, slug)}/setup`;
  const status = plan.status as PlanStatus;
  const topSections = plan.sections.filter((s) => !s.parentId);
  const parentOptions = (selfId: string | null) => [{ value: "", label: "（最上位）" }, ...topSections.filter((s) => s.id !== selfId).map((s) => ({ value: s.id, label: [s.label, s.title].filter(Boolean).join(" ") }))];
  const span = plan.endYear - plan.startYear + 1;
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/orgs">団体一覧</a></li>
          <li><a href={`/orgs/${code}/setup`}>{plan.organization.name}の設定</a></li>
          <li aria-current="page">{plan.name}</li>
        </ol>
      </nav>
      <h1>{plan.name}の設定</h1>
      {sp.created === "next" && <p className="form-notice" role="status">次期計画を作成しました（準備中）。区分と指標は前期から引き継いでいます。基準値・目標値を設定してください。</p>}
      <dl className="measure-meta">
        <dt>状態</dt>
        <dd><strong>{PLAN_STATUS_LABELS[status]}</strong>{status === "preparing" && "（この団体の職員だけが見られます）"}</dd>
        <dt>期間</dt>
        <dd>{fiscalYearWithWestern(plan.startYear)}〜{fiscalYearWithWestern(plan.endYear)}</dd>
        <dt>指標</dt>
        <dd>{plan._count.measures}件</dd>
        {plan.predecessor && (<><dt>前期の計画</dt><dd><a href={`${planPath(code, plan.predecessor.slug)}/setup`}>{plan.predecessor.name}</a></dd></>)}
        {plan.successors.length > 0 && (<><dt>次期の計画</dt><dd>{plan.successors.map((s) => <a key={s.slug} href={`${planPath(code, s.slug)}/setup`}>{s.name}</a>)}</dd></>)}
      </dl>
      <ul>
        <li><a href={`${base}/measures`}>指標の一覧・編集</a></li>
        <li><a href={`${base}/workbook`}>Excel で一括設定（ワークブック）</a></li>
        {status !== "preparing" && <li><a href={planPath(code, slug)}>公開ページを表示</a></li>}
      </ul>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">状態の変更</h2>
        <p>準備中 → 運用中（公開）→ 終了 の順に進めます。運用中の計画の目標値・基準値を変えるときは、理由の入力が必要です。</p>
        {/* one form whatever the status, so that its message stays after the page shows the new status */}
        <SetupForm action={planStatusAction} id="plan-status" label="状態の変更" submit={null} className="filters">
          <input type="hidden" name="planId" value={plan.id} />
          {STATUS_CHANGES[status].some((to) => needsReason(status, to)) && (
            <Field name="reason" label="理由（戻すときは必須）" hint={`${STATUS_CHANGES[status].filter((to) => needsReason(status, to)).map((to) => verb(status, to)).join("・")}ときに入力します`} autoComplete="off" />
          )}
          <div>
            {STATUS_CHANGES[status].map((to) => (
              <span key={to}>
                <button type="submit" name="status" value={to} className={to === "active" ? "button" : "button button--secondary"}>{verb(status, to)}</button>{" "}
              </span>
            ))}
          </div>
        </SetupForm>
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">計画の設定</h2>
        <SetupForm action={updatePlanAction} id="plan-settings" label="計画の設定" submit="設定を保存">
          <input type="hidden" name="planId" value={plan.id} />
          <Field name="name" label="計画名" defaultValue={plan.name} required />
          <p className="hint">URL 名：{plan.slug}（変更できません）</p>
          <Field name="startYear" label="開始年度" defaultValue={String(plan.startYear)} required options={planYearOptions(fiscalYearWithWestern)} />
          <Field name="endYear" label="終了年度" defaultValue={String(plan.endYear)} required options={planYearOptions(fiscalYearWithWestern)} />
          <RuleSettingsFields
            formId="plan-settings"
            rules={Object.entries(PROGRESS_RULE_LABELS).map(([value, label]) => ({ value, label }))}
            spec={ruleSettingsSpec()}
            rule={plan.progressRule}
            settings={(plan.progressSettings ?? {}) as Record<string, unknown>}
          />
          <Field name="description" label="説明" defaultValue={plan.description ?? ""} multiline />
          <Field name="printFormName" label="印刷する様式名" defaultValue={plan.printFormName ?? ""} hint="印刷用シートの左上に表示します（例：＜別記様式２＞）。空欄にすると表示しません。" autoComplete="off" />
        </SetupForm>
      </section>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">区分（柱・基本目標・施策）</h2>
        <p>指標を分類する区分です。指標が使っている区分は削除できません。キーはワークブックや API で区分を指定するときに使い、名称を変えても変わりません。</p>
        {plan.sections.length === 0 && <p>区分はまだありません。</p>}
        <ol className="section-tree">
          {plan.sections.map((s) => (
            <li key={s.id} className={s.parentId ? "section-tree__child" : undefined}>
              <strong>{[s.label, s.title].filter(Boolean).join(" ")}</strong>
              <span className="muted">　{SECTION_KIND_LABELS[s.kind]}・キー {s.key}・指標 {s._count.measures}件</span>
              <SetupForm action={moveSectionAction} id={`move-${s.id}`} label={`${s.title}の並べ替え`} submit={null} className="inline-form">
                <input type="hidden" name="planId" value={plan.id} />
                <input type="hidden" name="sectionId" value={s.id} />
                {" "}
                <button type="submit" name="direction" value="up" className="button button--secondary">上へ<span className="visually-hidden">（{s.title}）</span></button>{" "}
                <button type="submit" name="direction" value="down" className="button button--secondary">下へ<span className="visually-hidden">（{s.title}）</span></button>
              </SetupForm>
              <details>
                <summary>変更・削除<span className="visually-hidden">（{s.title}）</span></summary>
                <SetupForm action={updateSectionAction} id={`section-${s.id}`} label={`${s.title}の変更`} submit="変更を保存" className="filters">
                  <input type="hidden" name="planId" value={plan.id} />
                  <input type="hidden" name="sectionId" value={s.id} />
                  <Field name="label" label="番号" defaultValue={s.label ?? ""} />
                  <Field name="title" label="名称" defaultValue={s.title} required />
                  <Field name="kind" label="種類" defaultValue={s.kind} options={kindOptions} />
                  <Field name="parentId" label="上位の区分" defaultValue={s.parentId ?? ""} options={parentOptions(s.id)} />
                </SetupForm>
                <SetupForm action={deleteSectionAction} id={`delete-${s.id}`} label={`${s.title}の削除`} submit="この区分を削除" className="filters">
                  <input type="hidden" name="planId" value={plan.id} />
                  <input type="hidden" name="sectionId" value={s.id} />
                </SetupForm>
              </details>
            </li>
          ))}
        </ol>
        <h3 id="add-section-heading">区分の追加</h3>
        <SetupForm action={addSectionAction} id="add-section" label="区分の追加" submit="区分を追加" resetOnSuccess>
          <input type="hidden" name="planId" value={plan.id} />
          <Field name="label" label="番号" hint="印刷されている番号（例：１、(1)、（施策１））" />
          <Field name="title" label="名称" required />
          <Field name="kind" label="種類" defaultValue={topSections.length ? "policy" : "pillar"} options={kindOptions} />
          <Field name="parentId" label="上位の区分" options={parentOptions(null)} />
          <Field name="key" label="キー（省略可）" hint="半角英数字。省略すると 1、2、1-1 のように付けます" autoComplete="off" />
        </SetupForm>
      </section>

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">次期計画の作成</h2>
        <p>この計画の区分と指標（No・指標名・担当・注記・系列の名前と単位）を引き継いだ新しい計画を「準備中」で作成します。基準値・目標値・実績値・シートは引き継ぎません。各指標は前期の指標とつながり、指標のページで期をまたいだ推移を示せます。</p>
        <SetupForm action={nextPeriodAction} id="next-period" label="次期計画の作成" submit="次期計画を作成">
          <input type="hidden" name="planId" value={plan.id} />
          <input type="hidden" name="organizationCode" value={code} />
          <Field name="name" label="次期計画の名称" required />
          <Field name="slug" label="URL 名" required hint="半角英小文字・数字と「-」" autoComplete="off" />
          <Field name="startYear" label="開始年度" defaultValue={String(Math.min(plan.endYear + 1, 2045))} required options={planYearOptions(fiscalYearWithWestern)} />
          <Field name="endYear" label="終了年度" defaultValue={String(Math.min(plan.endYear + span, 2045))} required options={planYearOptions(fiscalYearWithWestern)} />
        </SetupForm>
      </section>
    </>
  );
}
