// The planning division's forms for an evaluation year: open/close with its deadline and reminder days, and
// deadline extensions for a department or one sheet. One schema each for the form, the server action and the API.
// Pure (no server imports): the admin forms import it too.
import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (what: string) =>
  z
    .string()
    .trim()
    .refine((s) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${what}は年-月-日（例 2027-03-31）で入力してください`);

export const REMINDER_DAYS_MAX = 90;
const REMINDER_MESSAGE = `リマインドの日数は「7,1」のように、締切の何日前かを0〜${REMINDER_DAYS_MAX}の整数でカンマ区切りで入力してください（5個まで）`;

/** 「7,1」「７、１」「14, 7, 1」 → [7, 1] (largest first, no repeats); an empty field → [] (no reminders). */
export function parseReminderDays(text: string): number[] | null {
  const normal = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[、，,\s]+/g, ",").replace(/^,|,$/g, "");
  if (normal === "") return [];
  const parts = normal.split(",");
  if (parts.length > 5 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const days = parts.map(Number);
  if (days.some((d) => d > REMINDER_DAYS_MAX)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}

const reminderDays = z
  .union([z.string().max(100, REMINDER_MESSAGE), z.array(z.number().int().min(0).max(REMINDER_DAYS_MAX)).max(5)])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined; // not given: kept as it is (a new year gets 7 and 1 days)
    const days = typeof v === "string" ? parseReminderDays(v) : [...new Set(v)].sort((a, b) => b - a);
    if (days === null) {
      ctx.addIssue({ code: "custom", message: REMINDER_MESSAGE });
      return z.NEVER;
    }
    return days;
  });

/** A checkbox-like confirmation: the form sends "yes", the API true. */
const confirmation = z
  .union([z.boolean(), z.literal("yes"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "yes");

export const evaluationYearSchema = z.object({
  planId: z.string().min(1),
  fiscalYear: z.coerce.number().int().min(2000, "年度を選んでください").max(2100),
  status: z.enum(["open", "closed"], { message: "受付を開始するか終了するかを選んでください" }),
  deadline: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || (DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))), "締切日は年-月-日で入力してください"),
  reminderDays,
  /** opening a year whose deadline has already passed needs this, so that it is never done by mistake */
  confirmPastDeadline: confirmation,
});
export type EvaluationYearInput = z.output<typeof evaluationYearSchema>;

export const extensionSchema = z
  .object({
    planId: z.string().min(1),
    fiscalYear: z.coerce.number().int().min(2000).max(2100),
    /** a department (部, a top-level unit: it covers its 課) or one sheet (the KPI's No) */
    target: z.enum(["unit", "measure"], { message: "部局かシート（指標）かを選んでください" }),
    unitId: z.string().trim().optional().transform((s) => s || null),
    measureNumber: z.string().trim().max(20, "20文字以内で入力してください").optional().transform((s) => s || null),
    deadline: isoDate("延長後の期限"),
    reason: z.string().trim().min(1, "延長の理由を入力してください").max(500, "500文字以内で入力してください"),
  })
  .superRefine((v, ctx) => {
    if (v.target === "unit" && !v.unitId) ctx.addIssue({ code: "custom", path: ["unitId"], message: "部局を選んでください" });
    if (v.target === "measure" && !v.measureNumber) ctx.addIssue({ code: "custom", path: ["measureNumber"], message: "指標の No を入力してください" });
  });
export type ExtensionInput = z.output<typeof extensionSchema>;

export const extensionRemoveSchema = z.object({ extensionId: z.string().min(1) });
