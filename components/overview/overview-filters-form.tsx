import type { DepartmentOption, OverviewFilters } from "@/lib/plans/overview-filters";
import type { StatusCode } from "@/lib/progress/types";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { DepartmentDivisionFields } from "./department-division-fields";
import { FOLLOW_DEPARTMENT_SCRIPT, WITHOUT_RUNTIME_ATTRIBUTE } from "./follow-department-script";

type Options = {
  sections: { key: string; title: string; depth: number }[];
  departments: DepartmentOption[];
  statuses: StatusCode[];
};

/** A plain GET form: filters live in the URL and work without JavaScript. */
export function OverviewFiltersForm({
  action,
  filters,
  options,
  statusLabels,
  years,
  year,
}: {
  action: string;
  filters: OverviewFilters;
  options: Options;
  statusLabels: Record<StatusCode, string>;
  years: number[];
  year: number;
}) {
  return (
    <form method="get" action={action} className="filters" role="search" aria-label="指標の絞り込み">
      <div className="field">
        <label htmlFor="filter-year">評価年度</label>
        <select id="filter-year" name="year" defaultValue={String(year)}>
          {years.map((y) => (
            <option key={y} value={y}>{fiscalYearWithWestern(y)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-section">施策区分</label>
        <select id="filter-section" name="section" defaultValue={filters.section ?? ""}>
          <option value="">すべて</option>
          {options.sections.map((s) => (
            <option key={s.key} value={s.key}>{s.depth ? `　${s.title}` : s.title}</option>
          ))}
        </select>
      </div>
      <DepartmentDivisionFields departments={options.departments} department={filters.department} division={filters.division} />
      <div className="field">
        <label htmlFor="filter-status">進捗状況</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">すべて</option>
          {options.statuses.map((s) => (
            <option key={s} value={s}>{statusLabels[s]}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-q">キーワード（指標名・取組状況など）</label>
        <input type="search" id="filter-q" name="q" defaultValue={filters.q ?? ""} placeholder="例：防災" />
      </div>
      {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir && <input type="hidden" name="dir" value={filters.dir} />}
      <button type="submit" className="button">絞り込む</button>
      <a className="button button--secondary" href={action}>条件をクリア</a>
      <script {...{ [WITHOUT_RUNTIME_ATTRIBUTE]: "" }} dangerouslySetInnerHTML={{ __html: FOLLOW_DEPARTMENT_SCRIPT }} />
    </form>
  );
}
