// The KPI set-up form page, for a new KPI (number null) and for an existing one.
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getMeasureSetupForm, PLAN_STATUS_LABELS } from "@/lib/setup/measure-pages";
import { definitionToFormValues } from "@/lib/setup/measure-form";
import { measuresSetupPath, measureSetupPath, newMeasureSetupPath } from "@/lib/setup/paths";
import { measurePath, planPath } from "@/lib/paths";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { MeasureDefinitionForm } from "@/components/setup/measure-definition-form";
import { definitionDigest } from "@/lib/setup/definition";
import { SetupRefused } from "@/components/setup/setup-refused";
import { saveMeasure } from "./actions";

const NOTICES: Record<string, string> = { created: "指標を追加しました。", saved: "設定を保存しました。" };

export async function MeasureFormPage({ code, slug, number, saved }: { code: string; slug: string; number: string | null; saved?: string }) {
  const user = await requireUser(number === null ? newMeasureSetupPath(code, slug) : measureSetupPath(code, slug, number));
  const data = await getMeasureSetupForm(user, code, slug, number);
  if (!data) notFound();
  if (data.forbidden) return <SetupRefused title="指標の設定" planName={data.plan.name} backHref={planPath(code, slug)} />;
  const { plan, definition } = data;
  const values = definition ? definitionToFormValues(definition) : { "series.0.label": "単年" };
  const used = new Set(Object.entries(values).filter(([k, v]) => /year|period/i.test(k) && /^\d{4}$/.test(v)).map(([, v]) => Number(v)));
  for (let y = plan.startYear - 10; y <= plan.endYear + 5; y++) used.add(y);
  const years = [...used].sort((a, b) => a - b).map((y) => ({ value: String(y), label: fiscalYearWithWestern(y) }));
  const stored = definition?.series.length ?? 0;
  const maxYearly = Math.max(0, ...(definition?.series.map((s) => s.yearlyTargets.length) ?? [0]));
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href={planPath(code, slug)}>{plan.name}</a></li>
          <li><a href={measuresSetupPath(code, slug)}>指標の設定</a></li>
          <li aria-current="page">{definition ? `No ${definition.number}` : "指標を追加"}</li>
        </ol>
      </nav>
      <h1>{definition ? <>指標の設定：<span className="muted">No {definition.number}</span> {definition.name}</> : "指標を追加"}</h1>
      <p>
        {plan.organization.name}　{plan.name}（{PLAN_STATUS_LABELS[plan.status]}）
        {definition && <>　<a href={measurePath(code, slug, definition.number)}>指標のページを見る</a></>}
      </p>
      {data.retired && <p className="form-error">この指標は廃止されています（{data.retired.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" })}）。一覧から復活できます。</p>}
      <MeasureDefinitionForm
        key={JSON.stringify(values)}
        action={saveMeasure}
        code={code}
        slug={slug}
        planId={plan.id}
        currentNumber={definition?.number ?? null}
        expected={definition ? definitionDigest(definition) : null}
        planActive={plan.status === "active"}
        values={values}
        ownerChoices={data.ownerChoices}
        sectionChoices={data.sectionChoices}
        years={years}
        ownerSlots={Math.min(10, Math.max(3, (definition?.owners.length ?? 0) + 1))}
        seriesSlots={Math.min(10, Math.max(2, stored + 1))}
        yearlyTargetSlots={Math.min(20, Math.max(5, maxYearly + 1))}
        seriesWithActuals={data.seriesWithActuals}
        storedSeries={stored}
        notice={saved ? (NOTICES[saved] ?? null) : null}
      />
      <p><a href={measuresSetupPath(code, slug)}>指標の一覧へ戻る</a></p>
    </>
  );
}
