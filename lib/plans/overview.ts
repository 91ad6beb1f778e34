// The overview of a plan as plain data: a row per KPI with its status, filtered, sorted and summarised.
// Pure: takes what the query loaded, so it is tested without a database.
import { STATUS_LABELS, STATUS_ORDER } from "../progress/evaluate";
import { measureStatus } from "../measures/measure-status";
import type { ProgressRule, RuleContext, StatusCode } from "../progress/types";
import type { MeasureListRow } from "../measures/measure-select";
import { latestActual, toSeriesInput } from "../measures/series-input";
import { matchesSearch, type OverviewFilters } from "./overview-filters";

export type OwnerRef = { departmentId: string; department: string; divisionId: string | null; division: string | null };
export type SectionRef = { id: string; key: string; label: string | null; title: string; parentId: string | null };

export type OverviewRow = {
  id: string;
  number: string;
  name: string;
  section: SectionRef | null;
  owners: OwnerRef[];
  latest: { year: number; value: string | null; text: string | null } | null;
  unit: string | null;
  target: { text: string | null; year: number | null } | null;
  rate: string | null;
  status: StatusCode;
  statusLabel: string;
  explanation: string | null;
  official: { rating: string; agrees: boolean | null; reason?: string | null } | null;
  /** late statistics: which year was judged, and that a later figure is pending */
  pending: string | null;
};

export function ownersOf(m: Pick<MeasureListRow, "owners">): OwnerRef[] {
  return m.owners.map(({ unit }) =>
    unit.parent
      ? { departmentId: unit.parent.id, department: unit.parent.name, divisionId: unit.id, division: unit.name }
      : { departmentId: unit.id, department: unit.name, divisionId: null, division: null },
  );
}

export function buildRows(
  measures: MeasureListRow[],
  sections: SectionRef[],
  rule: ProgressRule | RuleContext,
  year: number,
): OverviewRow[] {
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  return measures.map((m) => {
    const rating = m.officialRatings.find((r) => r.evaluationYear === year) ?? null;
    const result = measureStatus(m.kind, m.series.map(toSeriesInput), rule, year, rating?.rating ?? null, rating?.reason ?? null);
    const deciding = result.series.find((s) => s.label === result.decidingSeries) ?? null;
    const main = m.series.find((s) => s.label === result.decidingSeries) ?? m.series.find((s) => s.targetKind !== null) ?? m.series[0] ?? null;
    return {
      id: m.id,
      number: m.number,
      name: m.name,
      section: m.sectionId ? (sectionById.get(m.sectionId) ?? null) : null,
      owners: ownersOf(m),
      latest: main ? latestActual(main, year) : null,
      unit: main?.unit ?? null,
      target: main && main.targetKind ? { text: main.targetText, year: main.targetYear } : null,
      rate: deciding?.rate ?? null,
      status: result.status,
      statusLabel: result.statusLabel,
      explanation: deciding?.explanation ?? result.series[0]?.explanation ?? null,
      official: result.official,
      pending: result.pending?.note ?? null,
    };
  });
}

/** Section keys at and below a section (a pillar's filter includes its 施策). */
function sectionAndBelow(sections: SectionRef[], key: string): Set<string> {
  const root = sections.find((s) => s.key === key);
  if (!root) return new Set();
  const ids = new Set([root.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of sections) if (s.parentId && ids.has(s.parentId) && !ids.has(s.id)) (ids.add(s.id), (grew = true));
  }
  return ids;
}

export function filterRows(
  rows: OverviewRow[],
  sections: SectionRef[],
  filters: OverviewFilters,
  narratives: Map<string, (string | null)[]>,
): OverviewRow[] {
  const sectionIds = filters.section ? sectionAndBelow(sections, filters.section) : null;
  return rows.filter(
    (r) =>
      (!sectionIds || (r.section && sectionIds.has(r.section.id))) &&
      (!filters.department || r.owners.some((o) => o.departmentId === filters.department)) &&
      (!filters.division || r.owners.some((o) => o.divisionId === filters.division)) &&
      (!filters.status || r.status === filters.status) &&
      (!filters.q || matchesSearch(filters.q, r.name, ...(narratives.get(r.id) ?? []))),
  );
}

const statusRank = (s: StatusCode) => STATUS_ORDER.indexOf(s);
const numberKey = (no: string) => {
  const m = /^(\D*)(\d+)(?:-(\d+))?/.exec(no);
  return m ? `${m[1]}${m[2].padStart(5, "0")}-${(m[3] ?? "0").padStart(5, "0")}` : no;
};

export function sortRows(rows: OverviewRow[], sort: OverviewFilters["sort"] = "no", dir: "asc" | "desc" = "asc"): OverviewRow[] {
  const value = (r: OverviewRow): string | number | null => {
    switch (sort) {
      case "name":
        return r.name;
      case "owner":
        return r.owners.map((o) => `${o.department}${o.division ?? ""}`).join("、");
      case "latest":
        return r.latest?.value === null || r.latest === null ? null : Number(r.latest.value);
      case "rate":
        return r.rate === null ? null : Number(r.rate);
      case "status":
        return statusRank(r.status);
      default:
        return numberKey(r.number);
    }
  };
  const sign = dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return 0;
    if (va === null) return 1; // no value last, whatever the direction
    if (vb === null) return -1;
    return (typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb), "ja")) * sign;
  });
}

export type StatusCount = { status: StatusCode; label: string; count: number };
export type SummaryGroup = { key: string; title: string; total: number; counts: StatusCount[] };

/** How many KPIs are in each status: overall, per section (top level) and per department. */
export function summarize(rows: OverviewRow[], sections: SectionRef[]) {
  const present = STATUS_ORDER.filter((s) => rows.some((r) => r.status === s));
  const countsOf = (subset: OverviewRow[]): StatusCount[] =>
    present.map((status) => ({ status, label: STATUS_LABELS[status], count: subset.filter((r) => r.status === status).length }));
  const topOf = (s: SectionRef | null): SectionRef | null => {
    let cur = s;
    while (cur?.parentId) cur = sections.find((x) => x.id === cur!.parentId) ?? null;
    return cur;
  };
  const bySection = new Map<string, { title: string; rows: OverviewRow[] }>();
  for (const r of rows) {
    const top = topOf(r.section);
    const key = top?.key ?? "";
    const title = top ? [top.label, top.title].filter(Boolean).join(" ") : "区分なし";
    if (!bySection.has(key)) bySection.set(key, { title, rows: [] });
    bySection.get(key)!.rows.push(r);
  }
  const byDepartment = new Map<string, { title: string; rows: OverviewRow[] }>();
  for (const r of rows)
    for (const depId of new Set(r.owners.map((o) => o.departmentId))) {
      const title = r.owners.find((o) => o.departmentId === depId)!.department;
      if (!byDepartment.has(depId)) byDepartment.set(depId, { title, rows: [] });
      byDepartment.get(depId)!.rows.push(r);
    }
  const groups = (m: Map<string, { title: string; rows: OverviewRow[] }>): SummaryGroup[] =>
    [...m.entries()].map(([key, g]) => ({ key, title: g.title, total: g.rows.length, counts: countsOf(g.rows) }));
  return { statuses: present, overall: countsOf(rows), total: rows.length, bySection: groups(bySection), byDepartment: groups(byDepartment) };
}

export type OverviewSummary = ReturnType<typeof summarize>;
