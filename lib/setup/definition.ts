// A KPI's definition in its canonical stored form: what the database holds, as plain JSON-able data. The set-up
// form, the workbook and the API all read and write this shape, so "unchanged" means equal canonical forms
// (an unchanged workbook or PUT changes nothing).
import { createHash } from "node:crypto";
import Decimal from "decimal.js";
import type { Prisma } from "../generated/prisma/client";
import { toStoredCell, type Cell, type MeasureDefinition } from "./measure-schema";

export type CanonicalTarget = {
  kind: "number" | "at_least" | "relative" | "milestone" | "period_total";
  direction: "higher" | "lower" | null;
  year: number | null;
  value: string | null;
  text: string | null;
  periodStart: number | null;
  periodEnd: number | null;
};
export type CanonicalSeries = {
  label: string;
  unit: string | null;
  baseline: { year: number | null; value: string | null; text: string | null } | null;
  target: CanonicalTarget | null;
  aggregation: "sum" | "latest" | null;
  /** a running total within the plan period, the baseline being the previous period's total */
  countsWithinPeriod: boolean;
  yearlyTargets: { year: number; value: string | null; text: string | null }[];
};
export type CanonicalMeasure = {
  number: string;
  name: string;
  kind: "kpi" | "goal";
  section: string | null;
  footnote: string | null;
  notes: string[];
  owners: { department: string; division: string | null }[];
  series: CanonicalSeries[];
};

const dec = (v: string | null): string | null => (v === null ? null : new Decimal(v).toString());
const cell = (c: Cell): Cell => ({ value: dec(c.value), text: c.text });

/** A validated definition → its canonical stored form (numbers read, printed texts derived). */
export function canonicalFromInput(m: MeasureDefinition): CanonicalMeasure {
  return {
    number: m.number,
    name: m.name,
    kind: m.kind,
    section: m.section,
    footnote: m.footnote,
    notes: m.notes,
    owners: m.owners.map((o) => ({ department: o.department, division: o.division })),
    series: m.series.map((s) => {
      const b = s.baseline && (s.baseline.value !== null || s.baseline.text !== null || s.baseline.year !== null) ? s.baseline : null;
      const t = s.target;
      return {
        label: s.label,
        unit: s.unit,
        baseline: b ? { year: b.year, ...cell(toStoredCell(b.value, b.text, s.unit)) } : null,
        target: t
          ? {
              kind: t.kind,
              direction: t.direction,
              year: t.year,
              ...cell(toStoredCell(t.value, t.text, s.unit)),
              periodStart: t.kind === "period_total" ? t.periodStart : null,
              periodEnd: t.kind === "period_total" ? t.periodEnd : null,
            }
          : null,
        aggregation: s.aggregation,
        countsWithinPeriod: s.countsWithinPeriod,
        yearlyTargets: [...s.yearlyTargets].sort((a, b2) => a.year - b2.year).map((y) => ({ year: y.year, ...cell(toStoredCell(y.value, y.text, s.unit)) })),
      };
    }),
  };
}

/** What to select to rebuild a canonical definition from the database. */
export const definitionSelect = {
  id: true,
  number: true,
  name: true,
  kind: true,
  footnote: true,
  notes: true,
  sortOrder: true,
  retiredAt: true,
  section: { select: { key: true } },
  owners: { orderBy: { sortOrder: "asc" }, select: { unit: { select: { id: true, name: true, parent: { select: { name: true } } } } } },
  series: {
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      label: true,
      unit: true,
      baselineYear: true,
      baselineValue: true,
      baselineText: true,
      targetKind: true,
      targetDirection: true,
      targetYear: true,
      targetValue: true,
      targetText: true,
      targetPeriodStart: true,
      targetPeriodEnd: true,
      aggregation: true,
      countsWithinPeriod: true,
      values: { where: { kind: "target" }, orderBy: { fiscalYear: "asc" }, select: { fiscalYear: true, value: true, text: true } },
    },
  },
} satisfies Prisma.MeasureSelect;
export type DefinitionRow = Prisma.MeasureGetPayload<{ select: typeof definitionSelect }>;

const str = (d: { toString(): string } | null): string | null => (d === null ? null : new Decimal(d.toString()).toString());

/** Owner as the API names it: a 部 alone, or a 課 with its 部. */
export function ownerName(unit: { name: string; parent: { name: string } | null }) {
  return unit.parent ? { department: unit.parent.name, division: unit.name } : { department: unit.name, division: null };
}

export function canonicalFromRow(m: DefinitionRow): CanonicalMeasure {
  return {
    number: m.number,
    name: m.name,
    kind: m.kind,
    section: m.section?.key ?? null,
    footnote: m.footnote,
    notes: m.notes,
    owners: m.owners.map((o) => ownerName(o.unit)),
    series: m.series.map((s) => ({
      label: s.label,
      unit: s.unit,
      baseline: s.baselineYear === null && s.baselineValue === null && s.baselineText === null ? null : { year: s.baselineYear, value: str(s.baselineValue), text: s.baselineText },
      target:
        s.targetKind === null
          ? null
          : { kind: s.targetKind, direction: s.targetDirection, year: s.targetYear, value: str(s.targetValue), text: s.targetText, periodStart: s.targetPeriodStart, periodEnd: s.targetPeriodEnd },
      aggregation: s.aggregation,
      countsWithinPeriod: s.countsWithinPeriod,
      yearlyTargets: s.values.map((v) => ({ year: v.fiscalYear, value: str(v.value), text: v.text })),
    })),
  };
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A short fingerprint of a definition as someone saw it: a save that names it is refused when the KPI has changed
 *  since (optimistic locking, as for sheets), so two editors never silently overwrite each other. */
export function definitionDigest(m: CanonicalMeasure): string {
  return createHash("sha256").update(JSON.stringify(m)).digest("base64url").slice(0, 22);
}
