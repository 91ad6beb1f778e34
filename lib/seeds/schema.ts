// The zod schema of the seed files in `seeds/` (YAML). The format is documented in seeds/README.md;
// this file is the authority: `npm run db:seed` validates every file against it before loading anything.
import { RULE_SETTING_SCHEMAS } from "../progress/settings";
import { z } from "zod";

const fiscalYear = z.number().int().min(1950).max(2100);

/** An inclusive 1-based line range of a source document. */
const lineRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine((r) => r[0] <= r[1], { message: "start must not be after end" });

/** Where a piece of data came from: a file in seeds/sources/ and an inclusive 1-based line range. */
export const sourceRefSchema = z
  .object({
    file: z.string().min(1),
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  })
  .strict()
  .refine((s) => s.lines[0] <= s.lines[1], { message: "lines: start must not be after end" });

/**
 * One printed cell. `value` is the text as printed (「1,759」「集計中」「－」「△1305」「完了」);
 * the loader derives the number from it and never turns a text cell into a number.
 * `number` may be given only to spell out a number the printed text contains in a form the parser
 * does not read (it is checked against the text).
 */
export const cellSchema = z
  .object({
    value: z.string().min(1),
    number: z.string().regex(/^-?\d+(\.\d+)?$/).optional(),
    /** label printed in the cell beside the value, e.g. 「(H31)」 when a cell lags its column */
    label: z.string().min(1).optional(),
    /** a value for a period rather than one year, as printed, e.g. 「H27→R2」 */
    period: z.string().min(1).optional(),
    /** as-of date as printed, e.g. 「令和8年1月末時点」 */
    asOf: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict();

export const yearCellSchema = cellSchema.extend({ year: fiscalYear }).strict();

export const baselineSchema = cellSchema
  .extend({
    year: fiscalYear.nullable(),
    /** the year as printed in the header: 「R1」「H30」「H27」 */
    yearLabel: z.string().min(1).nullable(),
  })
  .strict();

export const targetKinds = ["number", "at_least", "relative", "milestone", "period_total"] as const;
export const directions = ["higher", "lower"] as const;

export const targetSchema = z
  .object({
    kind: z.enum(targetKinds),
    /** required for number / at_least / period_total / relative; milestone targets have none */
    direction: z.enum(directions).optional(),
    year: fiscalYear.nullable(),
    /** printed text of the target: 「1,500」「前年比減」「完了」「5年間に40件」「21事業以上」 */
    value: z.string().min(1),
    /** the numeric part where the printed target has one (「5年間に40件」 → "40") */
    number: z.string().regex(/^-?\d+(\.\d+)?$/).optional(),
    /** for period_total: the first and last fiscal year summed */
    periodStart: fiscalYear.optional(),
    periodEnd: fiscalYear.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.kind !== "milestone" && !t.direction) {
      ctx.addIssue({ code: "custom", path: ["direction"], message: `a ${t.kind} target needs a direction` });
    }
  });

export const seriesSchema = z
  .object({
    /** row label as printed: 単年 / 累計 / 市町村（累計） / 県 / 累計（中３） */
    label: z.string().min(1),
    unit: z.string().nullable(),
    baseline: baselineSchema.nullable(),
    actuals: z.array(yearCellSchema),
    target: targetSchema.nullable(),
    /** intermediate targets by year (Kama 基本目標: 目標値 row) */
    targetPath: z.array(yearCellSchema).optional(),
    /** projections (社人研推計値 / 推計値 row) */
    estimates: z.array(yearCellSchema).optional(),
    /** chart data labels (実績値の推移) exactly as printed, in order; null when no chart is printed */
    chart: z.array(z.string()).nullable().optional(),
    /** Kama: the printed 実績値(目標値比較) and how it is computed from the yearly actuals */
    comparison: z
      .object({ aggregation: z.enum(["sum", "latest"]), value: z.string().min(1) })
      .strict()
      .optional(),
    /**
     * where the unit is printed when it is not in the measure's own lines (嘉麻市's goal tables print no unit;
     * the same figure is printed with its unit elsewhere in the document, e.g. 「11,913人」)
     */
    unitSource: sourceRefSchema.optional(),
    /**
     * the actuals count within the plan period (a running total from the period start) and the baseline is the
     * previous period's total (熊本県 累計 rows with the unit 件/4年); the reason goes in seeds/README.md
     */
    countsWithinPeriod: z.boolean().default(false),
  })
  .strict();

export const ownerSchema = z
  .object({ department: z.string().min(1), division: z.string().min(1).nullable() })
  .strict();

export const narrativeSchema = z.string().nullable();

/**
 * The lines each narrative stands on (one or more inclusive ranges inside the entry's source lines). The PDF dump
 * scrambles a sheet's cells, so the headings 取組状況 / 課題等 / 今後の方向性 do not mark where their text is; these
 * ranges do, and the check compares each narrative with exactly its own lines.
 */
export const narrativeLinesSchema = z
  .object({
    effortStatus: z.array(lineRange).min(1).optional(),
    issues: z.array(lineRange).min(1).optional(),
    direction: z.array(lineRange).min(1).optional(),
  })
  .strict();

export const sheetEntrySchema = z
  .object({
    evaluationYear: fiscalYear,
    source: sourceRefSchema,
    narrativeLines: narrativeLinesSchema.optional(),
    /** 取組状況 — one paragraph or bullet item per line */
    effortStatus: narrativeSchema,
    /** 課題等 */
    issues: narrativeSchema,
    /** 今後の方向性 */
    direction: narrativeSchema,
  })
  .strict();

export const officialRatingSchema = z
  .object({ evaluationYear: fiscalYear, rating: z.string().min(1), source: sourceRefSchema.optional() })
  .strict();

export const measureSchema = z
  .object({
    /** number label as printed: 「1」「追加1」 */
    no: z.string().min(1),
    /** key of a section in the plan file */
    section: z.string().min(1).nullable(),
    /** kpi: a KPI; goal: a 基本目標 numeric goal */
    kind: z.enum(["kpi", "goal"]).default("kpi"),
    name: z.string().min(1),
    footnote: z.string().min(1).nullable().default(null),
    notes: z.array(z.string().min(1)).default([]),
    owners: z.array(ownerSchema),
    source: sourceRefSchema,
    confidence: z.enum(["high", "medium", "low"]),
    confidenceNote: z.string().min(1).nullable().default(null),
    series: z.array(seriesSchema),
    entries: z.array(sheetEntrySchema).default([]),
    officialRatings: z.array(officialRatingSchema).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.confidence !== "high" && !m.confidenceNote) {
      ctx.addIssue({ code: "custom", path: ["confidenceNote"], message: "say why the confidence is not high" });
    }
  });

export type SectionSeed = {
  key: string;
  label: string | null;
  title: string;
  kind: "section" | "goal" | "pillar" | "policy";
  /** the line(s) where the label and title are printed */
  source?: z.infer<typeof sourceRefSchema>;
  children?: SectionSeed[];
};

export const sectionSchema: z.ZodType<SectionSeed> = z.lazy(() =>
  z
    .object({
      key: z.string().min(1),
      label: z.string().min(1).nullable(),
      title: z.string().min(1),
      kind: z.enum(["section", "goal", "pillar", "policy"]),
      source: sourceRefSchema.optional(),
      children: z.array(sectionSchema).optional(),
    })
    .strict(),
);

export const planSchema = z
  .object({
    organization: z.string().regex(/^\d{6}$/, "全国地方公共団体コード (6 digits)"),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    startYear: fiscalYear,
    endYear: fiscalYear,
    progressRule: z.enum(["default", "kama", "grades", "marks", "expected"]),
    /** the rule's thresholds (lib/progress/settings.ts), e.g. { a: 50 } for S/A/B/C; unset = the rule's defaults */
    progressSettings: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
    /** 準備中 / 運用中 / 終了 (default 運用中) */
    status: z.enum(["preparing", "active", "ended"]).default("active"),
    /** the form name printed at the head of each sheet (熊本県: ＜別記様式２＞); none unless the source prints one */
    printFormName: z.string().min(1).optional(),
    /** where the form name is printed (required with printFormName) */
    printFormNameSource: sourceRefSchema.optional(),
    sources: z.array(z.object({ file: z.string().min(1), title: z.string().min(1) }).strict()),
    sections: z.array(sectionSchema),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.progressSettings) {
      const parsed = RULE_SETTING_SCHEMAS[p.progressRule].strict().safeParse(p.progressSettings);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: ["progressSettings"], message: `not settings of the ${p.progressRule} rule: ${parsed.error.issues.map((i) => i.message).join("; ")}` });
    }
    if (p.printFormName && !p.printFormNameSource) {
      ctx.addIssue({ code: "custom", path: ["printFormNameSource"], message: "say where the form name is printed" });
    }
  });

export const organizationSchema = z
  .object({
    code: z.string().regex(/^\d{6}$/, "全国地方公共団体コード (6 digits)"),
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    kind: z.enum(["prefecture", "municipality"]),
    /** the prefecture's code, for a municipality */
    prefectureCode: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();

export type CellSeed = z.infer<typeof cellSchema>;
export type YearCellSeed = z.infer<typeof yearCellSchema>;
export type SeriesSeed = z.infer<typeof seriesSchema>;
export type MeasureSeed = z.infer<typeof measureSchema>;
export type PlanSeed = z.infer<typeof planSchema>;
export type OrganizationSeed = z.infer<typeof organizationSchema>;
