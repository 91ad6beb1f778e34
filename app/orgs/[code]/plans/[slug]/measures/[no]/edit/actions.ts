"use server";
import { asForm } from "@/lib/actions/form";
// Sheet actions: parse → authorise (inside the lib mutation, against the signed-in user) → write → revalidate.
import { invalidateData } from "@/lib/cache";
import { db } from "@/lib/db";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import type { z } from "zod";
import { fieldErrors, sheetEntrySchema, sheetFormToObject } from "@/lib/sheets/schemas";
import { saveSheetEntry, type MutationResult } from "@/lib/sheets/mutations";
import { getSeriesUnits } from "@/lib/sheets/series-units";
import type { SheetFormState } from "@/lib/sheets/form-state";

const GENERIC = "保存できませんでした。時間をおいてもう一度お試しください。";

function toState(result: MutationResult, savedMessage: string): SheetFormState {
  if (result.ok) return { status: "saved", message: savedMessage, version: result.version };
  if (result.kind === "conflict") {
    const c = result.current;
    return { status: "conflict", message: result.message, version: c.version, current: { ...c, updatedAt: c.updatedAt ? c.updatedAt.toISOString() : null } };
  }
  if (result.kind === "invalid") return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
  return { status: "error", message: result.message };
}

/** The sheet actions' shared steps: the signed-in user, parse (a form error, or the input), the lib mutation
 *  (which authorises), cache invalidation on success, and a message — never a stack trace — on failure. */
async function runSheetAction<I>(
  label: string,
  parse: () => Promise<{ error: SheetFormState } | { input: I }>,
  mutate: (user: CurrentUser, input: I) => Promise<MutationResult>,
  savedMessage: string,
): Promise<SheetFormState> {
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "error", message: "サインインしてください。" };
    const parsed = await parse();
    if ("error" in parsed) return parsed.error;
    const result = await mutate(user, parsed.input);
    if (result.ok) invalidateData();
    return toState(result, savedMessage);
  } catch (e) {
    console.error(`${label} failed`, e);
    return { status: "error", message: GENERIC };
  }
}

function parsedWith<S extends z.ZodTypeAny>(schema: S, raw: unknown): { error: SheetFormState } | { input: z.output<S> } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { input: parsed.data } : { error: { status: "error", message: "入力内容を確認してください。", fieldErrors: fieldErrors(parsed.error) } };
}

export async function saveSheet(_prev: SheetFormState, form: FormData): Promise<SheetFormState> {
  form = asForm(form); // a forged call may send anything as the form
  const intent = form.get("intent") === "submit" ? "submit" : "draft";
  return runSheetAction(
    "saveSheet",
    async () => {
      const raw = sheetFormToObject(form);
      return parsedWith(sheetEntrySchema(await getSeriesUnits(raw.measureId)), raw);
    },
    (user, input) => saveSheetEntry(db(), user, input, intent),
    intent === "submit" ? "提出しました。企画担当の承認をお待ちください。" : "下書きを保存しました。",
  );
}
