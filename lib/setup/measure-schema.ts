// The definition of a KPI (指標) as the planning division sets it up: one zod schema shared by the set-up form,
// the plan workbook and the API (and published as the API's OpenAPI schema). Values are read as staff type them
// (「1,027」「▲12」「集計中」); a printed text cell never becomes a number.
import { z } from "zod";
import Decimal from "decimal.js";
import { readValueInput } from "../sheets/value-input";

export const TARGET_KINDS = ["number", "at_least", "relative", "milestone", "period_total"] as const;
export const TARGET_KIND_LABELS: Record<(typeof TARGET_KINDS)[number], string> = {
  number: "数値",
  at_least: "以上",
  relative: "前年比",
  milestone: "達成状態",
  period_total: "期間合計",
};
export const DIRECTIONS = ["higher", "lower"] as const;
export const DIRECTION_LABELS: Record<(typeof DIRECTIONS)[number], string> = { higher: "増加（多いほどよい）", lower: "減少（少ないほどよい）" };
export const AGGREGATIONS = ["sum", "latest"] as const;
export const AGGREGATION_LABELS: Record<(typeof AGGREGATIONS)[number], string> = { sum: "合計", latest: "最新値" };
/** Decimal(20, 6) in the database: more would be rounded silently, so it is refused. */
export const MAX_DECIMALS = 6;
export const MAX_INTEGER_DIGITS = 14;

const fiscalYear = z.coerce
  .number({ message: "年度は西暦の数字で入力してください（例：2024）" })
  .int("年度は整数で入力してください")
  .min(1950, "1950〜2100 の年度を入力してください")
  .max(2100, "1950〜2100 の年度を入力してください");

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `${max.toLocaleString("ja-JP")}文字以内で入力してください`)
    .nullish()
    .transform((s) => {
      const t = s?.replace(/\r\n?/g, "\n").trim() ?? "";
      return t === "" ? null : t;
    });
const requiredText = (max: number, what: string) =>
  z
    .string({ message: `${what}を入力してください` })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, `${what}を入力してください`).max(max, `${max.toLocaleString("ja-JP")}文字以内で入力してください`));
const optionalYear = z
  .union([fiscalYear, z.literal(""), z.null()])
  .optional()
  .transform((y) => (y === "" || y === undefined ? null : y));
/** A typed value: a number, or a string as staff type it. */
/** A JSON number keeps about 15 significant digits: a longer one may already have been rounded by the parser, so
 *  it is refused with a hint to send the exact value as a string ("12345678901234.56"). */
const exactNumber = z
  .number()
  .finite()
  .refine((n) => String(n).replace(/e.*$/i, "").replace(/[-.]/g, "").replace(/^0+/, "").length <= 15, "15桁を超える数値は丸められるおそれがあるため、文字列で指定してください（例：\"12345678901234.56\"）");
const typedValue = z
  .union([exactNumber, z.string().max(60, "60文字以内で入力してください"), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : typeof v === "number" ? String(v) : v.trim() === "" ? null : v.trim()));

/** A typed cell: its number (decimal string, null for text) and its printed text. */
export type Cell = { value: string | null; text: string | null };

/** Reads a typed value: 1027 / "1,027" / "1,027人" / "集計中". The number keeps at most six decimals. */
export function readCell(typed: string | null, unit: string | null): { ok: true; cell: Cell } | { ok: false; message: string } {
  if (typed === null || typed === undefined) return { ok: true, cell: { value: null, text: null } };
  // the schema's refinements also run over a value another check already refused (a raw number): read it as text
  if (typeof typed !== "string") typed = String(typed);
  // JSON writes numbers below 1e-6 in exponent form (1e-7): spelled out exactly, so that the six-decimal check
  // refuses them instead of rounding them to 0
  const exponent = /^-?\d+(\.\d+)?e[+-]?\d+$/i.test(typed);
  const read = readValueInput(exponent ? new Decimal(typed).toFixed() : typed, unit);
  if (!read.ok) return read;
  if (read.value !== null) {
    const [int, frac = ""] = read.value.replace(/^-/, "").split(".");
    if (frac.length > MAX_DECIMALS) return { ok: false, message: `小数点以下は${MAX_DECIMALS}桁までです` };
    if (int.length > MAX_INTEGER_DIGITS) return { ok: false, message: "桁数が多すぎます" };
  }
  return { ok: true, cell: { value: read.value, text: read.text } };
}

export const baselineInputSchema = z.object({
  year: optionalYear,
  /** the number (1027 or "1,027"), or a text cell (「－」) */
  value: typedValue,
  /** the printed text when it differs from the number's usual form (「1,027」 is derived from 1027) */
  text: optionalText(60),
});

export const targetInputSchema = z.object({
  kind: z.enum(TARGET_KINDS, { message: "目標の種類を選んでください" }),
  direction: z.union([z.enum(DIRECTIONS, { message: "目標の方向を選んでください" }), z.literal(""), z.null()]).optional().transform((d) => (d ? d : null)),
  year: optionalYear,
  value: typedValue,
  /** printed text: 「1,500」「前年比減」「完了」「5年間に40件」「21事業以上」 */
  text: optionalText(60),
  periodStart: optionalYear,
  periodEnd: optionalYear,
});

export const yearlyTargetSchema = z.object({ year: fiscalYear, value: typedValue, text: optionalText(60) });

export const seriesInputSchema = z.object({
  /** how the row is counted, as printed: 単年, 累計, 市町村（累計） … */
  label: requiredText(40, "区分（単年・累計など）"),
  unit: optionalText(20),
  baseline: baselineInputSchema.nullish().transform((b) => b ?? null),
  target: targetInputSchema.nullish().transform((t) => t ?? null),
  /** Kama-style 実績値(目標値比較): the sum of the yearly actuals, or the latest one */
  aggregation: z.union([z.enum(AGGREGATIONS, { message: "集計方法を選んでください" }), z.literal(""), z.null()]).optional().transform((a) => (a ? a : null)),
  /** the actuals are a running total from the plan period's start and the baseline is the previous period's total
   *  (熊本県's 累計 rows in 件/4年); absent = false */
  countsWithinPeriod: z.boolean().nullish().transform((b) => b ?? false),
  yearlyTargets: z.array(yearlyTargetSchema).max(20).nullish().transform((t) => t ?? []),
});

export const ownerInputSchema = z.object({
  department: requiredText(100, "担当部局"),
  division: optionalText(100),
});

/** The definition's fields, each checked on its own (the API builds its create and patch bodies from these). */
export const measureDefinitionFields = z.object({
  /** No as printed: 「1」「追加1」「1-1」 */
  number: requiredText(20, "No"),
  name: requiredText(500, "指標名"),
  kind: z.enum(["kpi", "goal"]).optional().transform((k) => k ?? "kpi"),
  /** the key of the plan's section (基本目標・施策), or none */
  section: optionalText(40),
  footnote: optionalText(1000),
  notes: z.array(z.string().trim().min(1).max(1000, "1,000文字以内で入力してください")).max(20).nullish().transform((n) => n ?? []),
  owners: z.array(ownerInputSchema).max(10, "担当は10まで").nullish().transform((o) => o ?? []),
  series: z.array(seriesInputSchema).max(10, "系列は10まで").nullish().transform((s) => s ?? []),
});

/** The checks across fields (labels unique, each series' baseline and target consistent). Used as a transform, not a
 *  refinement: a transform runs only when every field parsed, so these never see a value of the wrong type. */
export function checkDefinition<M extends z.output<typeof measureDefinitionFields>>(m: M, ctx: z.RefinementCtx): M {
  const labels = new Set<string>();
  m.series.forEach((s, i) => {
    if (labels.has(s.label)) ctx.addIssue({ code: "custom", path: ["series", i, "label"], message: "同じ区分が2つあります" });
    labels.add(s.label);
    checkSeries(s, i, ctx);
  });
  const owners = new Set<string>();
  m.owners.forEach((o, i) => {
    const key = `${o.department}/${o.division ?? ""}`;
    if (owners.has(key)) ctx.addIssue({ code: "custom", path: ["owners", i, "department"], message: "同じ担当が2つあります" });
    owners.add(key);
  });
  return m;
}

export const measureDefinitionSchema = measureDefinitionFields.transform(checkDefinition);

export type MeasureDefinitionInput = z.input<typeof measureDefinitionSchema>;
export type MeasureDefinition = z.output<typeof measureDefinitionSchema>;
export type SeriesDefinition = MeasureDefinition["series"][number];

const NEEDS_VALUE = new Set(["number", "at_least", "period_total"]);

function checkSeries(s: SeriesDefinition, i: number, ctx: z.RefinementCtx) {
  const at = (...p: (string | number)[]) => ["series", i, ...p];
  if (s.baseline?.value) {
    const read = readCell(s.baseline.value, s.unit);
    if (!read.ok) ctx.addIssue({ code: "custom", path: at("baseline", "value"), message: read.message });
  }
  const t = s.target;
  if (t) {
    const read = t.value !== null ? readCell(t.value, s.unit) : null;
    if (read && !read.ok) ctx.addIssue({ code: "custom", path: at("target", "value"), message: read.message });
    if (read?.ok && t.value !== null && read.cell.value === null && NEEDS_VALUE.has(t.kind)) {
      ctx.addIssue({ code: "custom", path: at("target", "value"), message: "この種類の目標には数値が必要です" });
    }
    if (NEEDS_VALUE.has(t.kind) && t.value === null) ctx.addIssue({ code: "custom", path: at("target", "value"), message: "目標値（数値）を入力してください" });
    if ((t.kind === "number" || t.kind === "at_least" || t.kind === "period_total" || t.kind === "relative") && !t.direction) {
      ctx.addIssue({ code: "custom", path: at("target", "direction"), message: "目標の方向（増加・減少）を選んでください" });
    }
    if ((t.kind === "milestone" || t.kind === "relative") && !t.text) {
      ctx.addIssue({ code: "custom", path: at("target", "text"), message: t.kind === "milestone" ? "目標の状態（完了・認定など）を入力してください" : "目標の表記（前年比減など）を入力してください" });
    }
    if (t.kind === "period_total") {
      if (t.periodStart === null || t.periodEnd === null) ctx.addIssue({ code: "custom", path: at("target", "periodStart"), message: "期間合計の目標には期間（開始・終了年度）が必要です" });
      else if (t.periodStart > t.periodEnd) ctx.addIssue({ code: "custom", path: at("target", "periodEnd"), message: "終了年度は開始年度以降にしてください" });
    }
  }
  const years = new Set<number>();
  s.yearlyTargets.forEach((y, j) => {
    if (years.has(y.year)) ctx.addIssue({ code: "custom", path: at("yearlyTargets", j, "year"), message: "同じ年度が2つあります" });
    years.add(y.year);
    if (y.value === null && y.text === null) ctx.addIssue({ code: "custom", path: at("yearlyTargets", j, "value"), message: "年度別目標値を入力してください" });
    const read = y.value !== null ? readCell(y.value, s.unit) : null;
    if (read && !read.ok) ctx.addIssue({ code: "custom", path: at("yearlyTargets", j, "value"), message: read.message });
  });
}

/** A typed value and an optional printed text → what is stored: the number, and the printed text (given, or the
 *  number's usual form). A text cell keeps value null. */
export function toStoredCell(value: string | null, text: string | null, unit: string | null): Cell {
  const read = readCell(value ?? text, unit);
  if (!read.ok) return { value: null, text: text ?? value };
  return { value: read.cell.value, text: text ?? read.cell.text };
}
