// The read workbook against the plan as it is: what would be created, changed (field by field, old → new),
// retired or restored, and what stays unchanged; and the plan's own rules the lib would refuse at apply time
// (unknown sections and owners, a removed series that has actuals, a changed target of a running plan without a
// reason, a yearly-target column missing), each reported at its row and column. Pure.
import { canonicalFromInput, sameJson, type CanonicalMeasure, type CanonicalSeries } from "../setup/definition";
import { changedCommitments, REASON_REQUIRED } from "../setup/measures";
import Decimal from "decimal.js";
import { readCell, type MeasureDefinition } from "../setup/measure-schema";
import { fiscalYearWithWestern } from "../fiscal-year";
import { AGGREGATION_WORDS, COUNTS_WITHIN_PERIOD_WORDS, DIRECTION_WORDS, H, KIND_WORDS, SHEET_MEASURES, TARGET_KIND_WORDS, yearlyTargetHeader } from "./layout";
import { locate, norm, type Issue, type ReadKpi } from "./read";

export type CurrentMeasure = { retired: boolean; definition: CanonicalMeasure; seriesWithActuals: string[] };
export type PlanContext = {
  status: "preparing" | "active" | "ended";
  sectionKeys: string[];
  /** every unit of the organisation (retired ones too: a KPI may keep a retired owner it already has) */
  units: { name: string; parentName: string | null; retired: boolean }[];
  current: CurrentMeasure[];
};

export type FieldChange = { field: string; before: string; after: string };
export type KpiChange = {
  /** the No the KPI has now (null: created) */
  currentNumber: string | null;
  number: string;
  name: string;
  row: number;
  definition: MeasureDefinition;
  definitionChanged: boolean;
  retire: "retire" | "restore" | null;
  fields: FieldChange[];
  reason: string | null;
};
export type WorkbookPlan = {
  changes: KpiChange[];
  unchanged: number;
  /** KPIs of the plan the file does not mention (left as they are) */
  notInFile: { number: string; name: string }[];
};

const ownerKey = (o: { department: string; division: string | null }) => `${o.department}\u0000${o.division ?? ""}`;

export function checkAgainstPlan(kpis: ReadKpi[], fileYears: number[], ctx: PlanContext): { issues: Issue[]; plan: WorkbookPlan } {
  const issues: Issue[] = [];
  const byNumber = new Map(ctx.current.map((m) => [norm(m.definition.number), m]));
  const sections = new Set(ctx.sectionKeys);
  const changes: KpiChange[] = [];
  let unchanged = 0;
  const at = (k: ReadKpi, path: (string | number)[], message: string) => {
    const where = locate(k.at, path);
    issues.push({ sheet: SHEET_MEASURES, row: where.row, column: where.column, message });
  };
  const missingYears = new Set<number>();

  for (const k of kpis) {
    const current = byNumber.get(k.key) ?? null;
    // the No as stored when only its width differs (「１－１」 typed for 「1-1」)
    const definition: MeasureDefinition = current ? keepPrinted({ ...k.definition, number: current.definition.number }, current.definition, k.readsCountsWithinPeriod) : k.definition;
    if (definition.section && !sections.has(definition.section)) at(k, ["section"], `区分「${definition.section}」はこの計画にありません（シート『区分』のキーを使ってください）`);
    const keep = new Set((current?.definition.owners ?? []).map(ownerKey));
    definition.owners.forEach((o, i) => {
      const unit = ctx.units.find((u) => (o.division ? u.name === o.division && u.parentName === o.department : u.name === o.department && u.parentName === null));
      if (!unit) {
        const department = ctx.units.some((u) => u.name === o.department && u.parentName === null);
        if (o.division && department) at(k, ["owners", i, "division"], `「${o.department}」に「${o.division}」という課はありません`);
        else at(k, ["owners", i, "department"], `「${o.department}」という部局はありません`);
      } else if (unit.retired && !keep.has(ownerKey(o))) at(k, ["owners", i, o.division ? "division" : "department"], `「${unit.name}」は廃止された部署です`);
    });
    const after = canonicalFromInput(definition);
    const before = current?.definition ?? null;
    if (current) {
      for (const old of current.definition.series) {
        if (!after.series.some((s) => s.label === old.label) && current.seriesWithActuals.includes(old.label)) at(k, ["series"], `系列「${old.label}」には実績値があるため削除できません（行を戻してください）`);
        for (const y of old.yearlyTargets) if (!fileYears.includes(y.year)) missingYears.add(y.year);
      }
    }
    const definitionChanged = !before || !sameJson(before, after);
    const commitments = before && definitionChanged ? changedCommitments(before, after) : [];
    if (ctx.status === "active" && commitments.length && !k.reason) at(k, ["reason"], `${REASON_REQUIRED}（${commitments.join("、")}）`);
    const retire = current ? (current.retired === k.retired ? null : k.retired ? "retire" : "restore") : k.retired ? "retire" : null;
    if (!definitionChanged && !retire) {
      unchanged++;
      continue;
    }
    changes.push({
      currentNumber: current?.definition.number ?? null,
      number: definition.number,
      name: definition.name,
      row: k.at.firstRow,
      definition,
      definitionChanged,
      retire,
      fields: before ? fieldChanges(before, after) : [],
      reason: k.reason,
    });
  }
  for (const y of [...missingYears].sort()) {
    issues.push({ sheet: SHEET_MEASURES, row: 1, column: yearlyTargetHeader(y), message: `${fiscalYearWithWestern(y)}の目標値の列がありません（この年度の年度別目標値を持つ指標があります）` });
  }
  const seen = new Set(kpis.map((k) => k.key));
  const notInFile = ctx.current.filter((m) => !seen.has(norm(m.definition.number))).map((m) => ({ number: m.definition.number, name: m.definition.name }));
  return { issues, plan: { changes, unchanged, notInFile } };
}

/** A yearly target's single cell holds the number (or the printed text) as written: where it still says the
 *  stored number, the stored printed text (「▲ 1,772」「75.0」) is kept, so an unchanged download changes nothing. */
export function keepPrinted(d: MeasureDefinition, before: CanonicalMeasure, readsCountsWithinPeriod = true): MeasureDefinition {
  return {
    ...d,
    series: d.series.map((s) => {
      const old = before.series.find((o) => o.label === s.label);
      if (!old) return s;
      return {
        ...s,
        // a file without the 計画期間内の累計 column keeps the stored setting
        countsWithinPeriod: readsCountsWithinPeriod ? s.countsWithinPeriod : old.countsWithinPeriod,
        yearlyTargets: s.yearlyTargets.map((y) => {
          const o = old.yearlyTargets.find((t) => t.year === y.year);
          if (!o || y.text !== null || y.value === null) return y;
          if (y.value === o.text) return { year: y.year, value: o.value, text: o.text };
          const read = readCell(y.value, s.unit);
          if (read.ok && read.cell.value !== null && o.value !== null && new Decimal(read.cell.value).eq(o.value)) return { ...y, text: o.text };
          return y;
        }),
      };
    }),
  };
}

type Stored = { value: string | null; text: string | null } | null;
const cellText = (c: Stored) => (c ? (c.text ?? c.value ?? "") : "");
const orNone = (s: string) => (s.trim() === "" ? "（なし）" : s);

function baselineText(b: CanonicalSeries["baseline"]): string {
  if (!b) return "";
  return [b.year !== null ? `${b.year}年度` : "", cellText(b)].filter(Boolean).join(" ");
}
function targetText(t: CanonicalSeries["target"]): string {
  if (!t) return "";
  const parts = [TARGET_KIND_WORDS[t.kind], t.direction ? DIRECTION_WORDS[t.direction].split("（")[0] : "", t.year !== null ? `${t.year}年度` : "", cellText(t)];
  if (t.periodStart !== null || t.periodEnd !== null) parts.push(`期間 ${t.periodStart ?? "？"}〜${t.periodEnd ?? "？"}`);
  return parts.filter(Boolean).join(" ");
}
const yearlyText = (s: CanonicalSeries) => s.yearlyTargets.map((y) => `${y.year}：${cellText(y)}`).join("、");
const ownersText = (m: CanonicalMeasure) => m.owners.map((o) => (o.division ? `${o.department} ${o.division}` : o.department)).join("、");

/** Field by field, old → new, as the preview shows them. */
export function fieldChanges(before: CanonicalMeasure, after: CanonicalMeasure): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (field: string, b: string, a: string) => {
    if (b !== a) out.push({ field, before: orNone(b), after: orNone(a) });
  };
  add(H.number, before.number, after.number);
  add(H.name, before.name, after.name);
  add(H.kind, KIND_WORDS[before.kind], KIND_WORDS[after.kind]);
  add(H.section, before.section ?? "", after.section ?? "");
  add(H.footnote, before.footnote ?? "", after.footnote ?? "");
  add(H.notes, before.notes.join(" / "), after.notes.join(" / "));
  add("担当", ownersText(before), ownersText(after));
  for (const s of after.series) {
    const old = before.series.find((o) => o.label === s.label);
    if (!old) {
      out.push({ field: `系列「${s.label}」`, before: "（なし）", after: orNone([s.unit ?? "", baselineText(s.baseline) && `基準値 ${baselineText(s.baseline)}`, targetText(s.target) && `目標 ${targetText(s.target)}`].filter(Boolean).join("、")) });
      continue;
    }
    const f = (name: string) => `${name}（${s.label}）`;
    add(f(H.unit), old.unit ?? "", s.unit ?? "");
    add(f(H.baselineValue), baselineText(old.baseline), baselineText(s.baseline));
    add(f("目標"), targetText(old.target), targetText(s.target));
    add(f(H.aggregation), old.aggregation ? AGGREGATION_WORDS[old.aggregation] : "", s.aggregation ? AGGREGATION_WORDS[s.aggregation] : "");
    add(f(H.countsWithinPeriod), old.countsWithinPeriod ? COUNTS_WITHIN_PERIOD_WORDS.yes : "", s.countsWithinPeriod ? COUNTS_WITHIN_PERIOD_WORDS.yes : "");
    add(f("年度別目標値"), yearlyText(old), yearlyText(s));
  }
  for (const old of before.series) if (!after.series.some((s) => s.label === old.label)) out.push({ field: `系列「${old.label}」`, before: "あり", after: "削除" });
  const order = (m: CanonicalMeasure) => m.series.map((s) => s.label).join("、");
  if (out.length === 0 && order(before) !== order(after)) add("系列の順番", order(before), order(after));
  return out;
}
