// A KPI definition's change (measure.update audit record: before/after in the canonical form of
// lib/setup/definition.ts) in words: 「目標値（単年）を変更：1,500 → 1,800」. Committees and the public ask why a
// target moved, so baseline and target changes are told apart from the rest (staff see everything).
import type { CanonicalMeasure, CanonicalSeries } from "../setup/definition";
import { fiscalYearLabel } from "../fiscal-year";
import { TARGET_KIND_LABELS } from "../setup/measure-schema";

export type DefinitionChanges = { commitments: string[]; other: string[] };

type Cell = { value: string | null; text: string | null } | null;
const cellText = (c: Cell) => (c ? (c.text ?? (c.value === null ? "－" : Number(c.value).toLocaleString("ja-JP", { maximumFractionDigits: 6 }))) : "なし");
const year = (y: number | null | undefined) => (y ? `（${fiscalYearLabel(y)}）` : "");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function baselineText(b: CanonicalSeries["baseline"]) {
  return b ? `${cellText(b)}${year(b.year)}` : "なし";
}
function targetText(t: CanonicalSeries["target"]) {
  if (!t) return "なし";
  const kind = t.kind === "number" ? "" : `［${TARGET_KIND_LABELS[t.kind]}］`;
  const period = t.kind === "period_total" && t.periodStart && t.periodEnd ? `（${fiscalYearLabel(t.periodStart)}〜${fiscalYearLabel(t.periodEnd)}）` : year(t.year);
  return `${cellText(t)}${kind}${period}`;
}

/** What changed between two canonical definitions; a baseline or target of an existing series is a commitment. */
export function describeDefinitionChange(before: CanonicalMeasure, after: CanonicalMeasure): DefinitionChanges {
  const commitments: string[] = [];
  const other: string[] = [];
  const arrow = (what: string, a: string, b: string) => `${what}を変更：${a} → ${b}`;
  if (before.number !== after.number) other.push(arrow("No", before.number, after.number));
  if (before.name !== after.name) other.push(arrow("指標名", before.name, after.name));
  if (before.section !== after.section) other.push(arrow("区分", before.section ?? "なし", after.section ?? "なし"));
  if (before.footnote !== after.footnote) other.push("注を変更");
  if (!same(before.notes, after.notes)) other.push("備考を変更");
  const owners = (m: CanonicalMeasure) => m.owners.map((o) => [o.department, o.division].filter(Boolean).join(" ")).join("、") || "なし";
  if (!same(before.owners, after.owners)) other.push(arrow("担当", owners(before), owners(after)));
  for (const s of after.series) {
    const old = before.series.find((o) => o.label === s.label);
    if (!old) {
      other.push(`系列（${s.label}）を追加`);
      continue;
    }
    if (old.unit !== s.unit) other.push(arrow(`単位（${s.label}）`, old.unit ?? "なし", s.unit ?? "なし"));
    if (old.aggregation !== s.aggregation) other.push(`集計方法（${s.label}）を変更`);
    const into = old.baseline || old.target ? commitments : other; // a first baseline/target is set-up, not a change
    // how the actuals count decides how they are judged (records written before the field read as false)
    const within = (c: CanonicalSeries) => (c.countsWithinPeriod ? "計画期間内の累計" : "通常");
    if ((old.countsWithinPeriod ?? false) !== (s.countsWithinPeriod ?? false)) into.push(arrow(`数え方（${s.label}）`, within(old), within(s)));
    if (!same(old.baseline, s.baseline)) (old.baseline ? commitments : other).push(arrow(`基準値（${s.label}）`, baselineText(old.baseline), baselineText(s.baseline)));
    if (!same(old.target, s.target)) (old.target ? commitments : other).push(arrow(`目標値（${s.label}）`, targetText(old.target), targetText(s.target)));
    if (!same(old.yearlyTargets, s.yearlyTargets)) {
      const years = [...new Set([...old.yearlyTargets, ...s.yearlyTargets].map((y) => y.year))].sort((a, b) => a - b);
      for (const y of years) {
        const a = old.yearlyTargets.find((t) => t.year === y) ?? null;
        const b = s.yearlyTargets.find((t) => t.year === y) ?? null;
        if (!same(a, b)) (old.yearlyTargets.length ? commitments : into).push(arrow(`${fiscalYearLabel(y)}の目標値（${s.label}）`, cellText(a), cellText(b)));
      }
    }
  }
  for (const old of before.series.filter((o) => !after.series.some((s) => s.label === o.label))) {
    (old.baseline || old.target ? commitments : other).push(`系列（${old.label}）を削除`);
  }
  return { commitments, other };
}
