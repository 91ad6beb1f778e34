// The sheet form's schema: one definition for the browser form and the server action.
import { z } from "zod";
import { readValueInput } from "./value-input";

export const NARRATIVE_MAX = 20_000;

const narrative = z
  .string()
  .max(NARRATIVE_MAX, `${NARRATIVE_MAX.toLocaleString("ja-JP")}文字以内で入力してください`)
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .transform((s) => (s === "" ? null : s));

/** `units`: the unit of each value series of the measure (seriesId → unit), to read 「1,759人」 as 1,759. */
export function sheetEntrySchema(units: Record<string, string | null>) {
  return z
    .object({
      measureId: z.string().min(1),
      evaluationYear: z.coerce.number().int().min(2000).max(2100),
      version: z.coerce.number().int().min(0),
      effortStatus: narrative,
      issues: narrative,
      direction: narrative,
      values: z.record(z.string(), z.string().max(40, "40文字以内で入力してください")),
    })
    .superRefine((input, ctx) => {
      for (const [seriesId, raw] of Object.entries(input.values)) {
        if (!(seriesId in units)) {
          ctx.addIssue({ code: "custom", path: ["values", seriesId], message: "この指標の区分ではありません" });
          continue;
        }
        const read = readValueInput(raw, units[seriesId]);
        if (!read.ok) ctx.addIssue({ code: "custom", path: ["values", seriesId], message: read.message });
      }
    });
}

export type SheetEntryInput = z.output<ReturnType<typeof sheetEntrySchema>>;

/** FormData → the plain object the schema reads (values come as value:<seriesId> fields). */
export function sheetFormToObject(form: FormData) {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k.startsWith("value:") && typeof v === "string") values[k.slice(6)] = v;
  const text = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : "");
  return { measureId: text("measureId"), evaluationYear: text("evaluationYear"), version: text("version"), effortStatus: text("effortStatus"), issues: text("issues"), direction: text("direction"), values };
}

/** zod issues → { field: message } for showing beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[toSheetFieldKey(issue.path.map(String).join("."))] ??= issue.message;
  return out;
}

/** A field error's key as the sheet form names its fields: "values.<seriesId>" → "value:<seriesId>", others by
 *  their first segment ("form" for the whole form). */
export function toSheetFieldKey(key: string): string {
  const [first, second] = key.split(".");
  if (first === "values" && second !== undefined) return `value:${second}`;
  return first || "form";
}

export const returnSchema = z.object({
  measureId: z.string().min(1),
  evaluationYear: z.coerce.number().int(),
  version: z.coerce.number().int().min(0),
  reason: z.string().trim().min(1, "差し戻しの理由を入力してください").max(2000, "2,000文字以内で入力してください"),
});

export const workflowSchema = returnSchema.omit({ reason: true });
