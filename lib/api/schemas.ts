// The token API's bodies and answers as zod schemas. Request bodies are the forms' own schemas (lib/setup,
// lib/sheets, lib/evaluation), picked or extended, never re-typed; the answers are described here once and the
// OpenAPI document (lib/api/openapi.ts) is generated from all of them.
import { z } from "zod";
import { AGGREGATIONS, DIRECTIONS, checkDefinition, measureDefinitionFields, measureDefinitionSchema, TARGET_KINDS } from "../setup/measure-schema";
import { returnSchema, sheetEntrySchema, workflowSchema } from "../sheets/schemas";
import { evaluationYearSchema } from "../evaluation/year-schemas";

// ---- request bodies -------------------------------------------------------------------------------------------

const reason = z
  .string()
  .trim()
  .max(2000, "2,000文字以内で入力してください")
  .nullish()
  .transform((r) => (r ? r : null))
  .describe("変更の理由（運用中の計画の基準値・目標値を変えるときは必須。監査ログに残る）");

/** POST …/measures: a KPI's whole definition, plus why (when a reason is needed). */
export const measureCreateBody = measureDefinitionFields.extend({ reason }).transform(checkDefinition);

/** PATCH …/measures/{no}: any top-level fields of the definition; they replace the current ones. */
export const measurePatchBody = measureDefinitionFields.partial().extend({ reason });

/** PUT …/evaluation-years/{fiscalYear}: the admin form's schema; the deadline may also be null. */
export const evaluationYearBody = z.object({
  status: evaluationYearSchema.shape.status,
  deadline: z.union([z.null(), evaluationYearSchema.shape.deadline]).describe("締切日（YYYY-MM-DD、日本時間のその日の終わり）。null で締切なし"),
  reminderDays: evaluationYearSchema.shape.reminderDays.describe("締切の何日前にリマインドするか（例 [7, 1]）。省略すると今のまま"),
  confirmPastDeadline: evaluationYearSchema.shape.confirmPastDeadline.describe("締切日が過ぎている年度を開始するときは true（確認なしでは 422）"),
});
export const evaluationYearInput = evaluationYearSchema.omit({ deadline: true }).extend({ deadline: evaluationYearBody.shape.deadline });

const sheetShape = sheetEntrySchema({}).shape;
const narrative = (what: string) => z.union([z.null(), sheetShape.effortStatus]).optional().describe(`${what}（省略すると今の下書きのまま、null または空で消す）`);

/** PUT …/entries/{fiscalYear}: the sheet form's fields; values keyed by the series' label, as a person types them. */
export const sheetPutBody = z.object({
  version: sheetShape.version.describe("GET で得た version（楽観的ロック。新しいシートは 0）"),
  values: z
    .record(z.string(), z.union([z.number(), z.string().max(40, "40文字以内で入力してください"), z.null()]))
    .optional()
    .describe("系列の区分（「単年」「累計」など）→ その年度の実績値。「1,759」「▲12」「集計中」、数値、空文字・null で消す。省略した区分は今のまま"),
  effortStatus: narrative("取組状況"),
  issues: narrative("課題等"),
  direction: narrative("今後の方向性"),
});

export const workflowBody = workflowSchema.pick({ version: true });
export const returnBody = returnSchema.pick({ version: true, reason: true });

// ---- answers --------------------------------------------------------------------------------------------------

const num = z.number().nullable().describe("数値（印字が数値でないときは null）");
const text = z.string().nullable().describe("印字どおりの表記");
export const measureResponse = z.object({
  number: z.string(),
  name: z.string(),
  kind: z.enum(["kpi", "goal"]),
  section: z.string().nullable(),
  footnote: z.string().nullable(),
  notes: z.array(z.string()),
  owners: z.array(z.object({ department: z.string(), division: z.string().nullable() })),
  series: z.array(
    z.object({
      label: z.string(),
      unit: z.string().nullable(),
      baseline: z.object({ year: z.number().int().nullable(), value: num, text }).nullable(),
      target: z
        .object({
          kind: z.enum(TARGET_KINDS),
          direction: z.enum(DIRECTIONS).nullable(),
          year: z.number().int().nullable(),
          value: num,
          text,
          periodStart: z.number().int().nullable(),
          periodEnd: z.number().int().nullable(),
        })
        .nullable(),
      aggregation: z.enum(AGGREGATIONS).nullable(),
      countsWithinPeriod: z.boolean().describe("true: 実績値は計画期間の初年度からの累計、基準値は前の期間の合計"),
      yearlyTargets: z.array(z.object({ year: z.number().int(), value: num, text })),
    }),
  ),
  retired: z.boolean(),
});
export type MeasureResponse = z.infer<typeof measureResponse>;
export const measureListResponse = z.object({ measures: z.array(measureResponse) });

export const SHEET_STATES = ["none", "draft", "submitted", "returned", "published"] as const;
export const sheetResponse = z.object({
  number: z.string(),
  fiscalYear: z.number().int(),
  version: z.number().int().describe("次の PUT・submit・approve・return に渡す"),
  state: z.enum(SHEET_STATES).describe("none = まだシートがない"),
  draft: z.boolean().describe("true: 下書き（担当課・企画担当だけが見る）、false: 公開済みの内容"),
  values: z.record(z.string(), z.string().nullable()).describe("区分 → 実績値（印字どおり）"),
  effortStatus: z.string().nullable(),
  issues: z.string().nullable(),
  direction: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type SheetResponse = z.infer<typeof sheetResponse>;

export const evaluationYearResponse = z.object({ fiscalYear: z.number().int(), status: z.enum(["open", "closed"]), deadline: z.string().nullable() });

export const meResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  memberships: z.array(z.object({ organization: z.object({ code: z.string(), name: z.string() }), role: z.string(), units: z.array(z.string()) })),
  token: z.object({ name: z.string(), prefix: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() }),
});

export const problemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(["unauthenticated", "forbidden", "not_found", "invalid", "conflict", "state", "closed", "too_large", "bad_request", "error"]),
  errors: z.array(z.object({ pointer: z.string().describe("本文の中の場所（RFC 6901 JSON Pointer）"), detail: z.string() })).optional(),
  current: sheetResponse.optional().describe("409（version が古い）のとき、今のシート"),
});
