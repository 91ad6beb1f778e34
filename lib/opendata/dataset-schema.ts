// The JSON distribution's schema: the public export shape (lib/export/dataset.ts, README "JSON エクスポートの形")
// as zod, published as JSON Schema at /api/v1/schemas/dataset.json (the catalogue's dct:conformsTo for JSON).
// Objects are open (looseObject): a field added later does not break a reader, and the test checks every
// seeded plan's JSON against it.
import { z } from "zod";

const text = z.string().nullable();
const year = { fiscalYear: z.int().describe("西暦の年度"), fiscalYearLabel: z.string().describe("和暦の年度（令和5年度）") };
const maybeYear = { fiscalYear: z.int().nullable(), fiscalYearLabel: z.string().nullable() };
const cell = z.looseObject({
  ...year,
  value: z.number().nullable().describe("数値（印字が数値でなければ null。null は 0 ではない）"),
  text: text.describe("印字どおりの値"),
  cellLabel: text,
  period: text.describe("期間の印字（H27→R2）"),
  asOf: text.describe("時点の印字（令和8年1月末時点）"),
  note: text,
});

const series = z.looseObject({
  label: z.string().describe("系列（単年・累計など）"),
  unit: text.describe("単位"),
  baseline: z.looseObject({ ...maybeYear, printedYearLabel: text, value: z.number().nullable(), text, cellLabel: text, period: text }).nullable(),
  target: z
    .looseObject({
      kind: z.enum(["number", "at_least", "relative", "milestone", "period_total"]),
      direction: z.enum(["higher", "lower"]).nullable(),
      ...maybeYear,
      value: z.number().nullable(),
      text,
      periodStart: z.int().nullable(),
      periodEnd: z.int().nullable(),
    })
    .nullable(),
  actuals: z.array(cell).describe("実績値"),
  targetPath: z.array(cell).describe("年度別目標値"),
  estimates: z.array(cell).describe("推計値"),
  comparison: z.looseObject({ aggregation: z.enum(["sum", "latest"]), value: z.number().nullable(), text }).nullable(),
  chartLabels: z.array(z.unknown()),
});

const measure = z.looseObject({
  number: z.string().describe("指標番号（印字どおり）"),
  kind: z.enum(["kpi", "goal"]),
  name: z.string(),
  section: text,
  footnote: text,
  notes: z.array(z.string()),
  owners: z.array(z.looseObject({ department: z.string(), division: text })),
  series: z.array(series),
  officialRatings: z.array(z.looseObject({ ...{ evaluationYear: z.int(), evaluationYearLabel: z.string() }, rating: z.string(), source: z.string() })),
  statuses: z.array(z.looseObject({ evaluationYear: z.int(), evaluationYearLabel: z.string(), status: z.string(), statusLabel: z.string() })),
  sheets: z.array(z.looseObject({ evaluationYear: z.int(), evaluationYearLabel: z.string(), effortStatus: text, issues: text, direction: text }).describe("公開済みの記述")),
});

export const datasetSchema = z
  .looseObject({
    format: z.literal("kpi-dashboard/dataset"),
    version: z.literal(1),
    organizations: z.array(
      z.looseObject({
        code: z.string().regex(/^\d{6}$/).describe("全国地方公共団体コード"),
        name: z.string(),
        nameEn: text,
        kind: z.enum(["prefecture", "municipality"]),
        prefectureCode: text,
        license: z.string(),
        plans: z.array(
          z.looseObject({
            slug: z.string(),
            name: z.string(),
            start: z.looseObject(year),
            end: z.looseObject(year),
            progressRule: z.string(),
            sources: z.array(z.looseObject({ title: z.string(), url: z.url().nullable().describe("出典の公開場所（わかる場合）") })).describe("出典の題名と公開場所"),
            sections: z.array(z.looseObject({ key: z.string(), parentKey: text, label: text, title: z.string(), kind: z.string() })),
            measures: z.array(measure),
          }),
        ),
      }),
    ),
  })
  .describe("KPI ダッシュボードの公開データ（JSON エクスポートの形）");

export function datasetJsonSchema() {
  return { $id: "/api/v1/schemas/dataset.json", title: "KPI データセット（JSON）", ...z.toJSONSchema(datasetSchema) };
}
