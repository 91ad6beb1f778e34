import type { PlanOverview as PlanOverviewData } from "@/lib/plans/get-overview";
import type { OverviewFilters } from "@/lib/plans/overview-filters";
import { STATUS_LABELS } from "@/lib/progress/evaluate";
import { fiscalYearLabel, fiscalYearWithWestern } from "@/lib/fiscal-year";
import { planPath, measurePath, unitPath } from "@/lib/paths";
import { excelExportPath, excelImportPath } from "@/lib/excel/paths";
import { OverviewFiltersForm } from "./overview-filters-form";
import { KpiTable } from "./kpi-table";
import { StatusSummary } from "./status-summary";
import { RuleStatement } from "./rule-statement";
import type { SheetMarks } from "@/lib/sheets/staff-marks";

/** `sheetMarks` only for the organisation's staff (the anonymous copy never passes it). */
export function PlanOverview({ data, sheetMarks }: { data: PlanOverviewData; filters?: OverviewFilters; sheetMarks?: SheetMarks | null }) {
  // the filters as applied by getPlanOverview (a division outside the chosen department is dropped there)
  const { organization, plan, filters } = data;
  const base = planPath(organization.code, plan.slug);
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  const filtered = Boolean(filters.section || filters.department || filters.division || filters.status || filters.q);
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/orgs">団体一覧</a></li>
          <li>{organization.name}</li>
        </ol>
      </nav>
      <h1>
        {plan.name}
        <br />
        <span className="muted" style={{ fontSize: 20 }}>
          {organization.name}・{fiscalYearLabel(plan.startYear)}〜{fiscalYearLabel(plan.endYear)}（{plan.startYear}〜{plan.endYear}）
        </span>
      </h1>
      {data.otherPlans.length > 1 && (
        <nav aria-label={`${organization.name}の計画`}>
          <ul className="plan-switch">
            {data.otherPlans.map((p) => (
              <li key={p.slug}>
                <a href={planPath(organization.code, p.slug)} aria-current={p.slug === plan.slug ? "page" : undefined}>
                  {p.name}（{p.startYear}〜{p.endYear}）
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <OverviewFiltersForm action={base} filters={filters} options={data.options} statusLabels={STATUS_LABELS} years={years} year={data.year} />
      <p>
        <a href={`${base}/print?${new URLSearchParams({ ...(filters.department ? { department: filters.department } : {}), year: String(data.year) })}`}>
          {filters.department ? "この部局のシートを印刷（A4）" : "全シートを印刷（A4）"}
        </a>
        {"・"}
        <a href={excelExportPath(organization.code, plan.slug, filters.department)} download>
          Excel で書き出す（.xlsx{filters.department ? "・この部局" : ""}）
        </a>
        {"・"}
        <a href={excelImportPath(organization.code, plan.slug)}>Excel から実績値・記述を取り込む（担当課・企画担当）</a>
      </p>
      {data.options.departments.length > 0 && (
        <p>
          部局のページ：
          {data.options.departments.map((d, i) => (
            <span key={d.id}>
              {i > 0 && "・"}
              <a href={unitPath(organization.code, d.id)}>{d.name}</a>
            </span>
          ))}
        </p>
      )}
      <StatusSummary summary={data.summary} yearLabel={fiscalYearWithWestern(data.year)} />
      <h2>指標一覧{filtered && <span className="muted">（絞り込み中：{data.rows.length}／{data.total}件）</span>}</h2>
      <RuleStatement rule={plan.progressRule} settings={plan.progressSettings} yearLabel={fiscalYearWithWestern(data.year)} />
      {data.rows.length === 0 ? <p className="empty-result" role="status">条件に合う指標はありません。条件を変えるか、「条件をクリア」を選んでください。</p> : <KpiTable rows={data.rows} base={base} filters={filters} measureHref={(no) => measurePath(organization.code, plan.slug, no, filters.year)} sheetMarks={sheetMarks} />}
    </>
  );
}
