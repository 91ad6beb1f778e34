import type { OverviewFilters } from "@/lib/plans/overview-filters";
import type { StatusCode } from "@/lib/progress/types";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";

type Options = {
  sections: { key: string; title: string; depth: number }[];
  departments: { id: string; name: string; divisions: { id: string; name: string }[] }[];
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
      <div className="field">
        <label htmlFor="filter-department">担当部局</label>
        <select id="filter-department" name="department" defaultValue={filters.department ?? ""}>
          <option value="">すべて</option>
          {options.departments.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-division">担当課</label>
        <select id="filter-division" name="division" defaultValue={filters.division ?? ""}>
          <option value="">すべて</option>
          {options.departments.map((d) =>
            d.divisions.length ? (
              <optgroup key={d.id} label={d.name}>
                {d.divisions.map((v) => (
                  <option key={v.id} value={v.id}>{v.name}</option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      </div>
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
    </form>
  );
}
