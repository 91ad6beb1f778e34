"use server";
// Sheet actions: parse → authorise (inside the lib mutation, against the signed-in user) → write → revalidate.
import { invalidateData } from "@/lib/cache";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fieldErrors, returnSchema, sheetEntrySchema, sheetFormToObject, workflowSchema } from "@/lib/sheets/schemas";
import { approveSheetEntry, returnSheetEntry, saveSheetEntry, type MutationResult } from "@/lib/sheets/mutations";
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

export async function saveSheet(_prev: SheetFormState, form: FormData): Promise<SheetFormState> {
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "error", message: "サインインしてください。" };
    const raw = sheetFormToObject(form);
    const units = await getSeriesUnits(raw.measureId);
    const parsed = sheetEntrySchema(units).safeParse(raw);
    if (!parsed.success) return { status: "error", message: "入力内容を確認してください。", fieldErrors: fieldErrors(parsed.error) };
    const intent = form.get("intent") === "submit" ? "submit" : "draft";
    const result = await saveSheetEntry(db(), user, parsed.data, intent);
    if (result.ok) invalidateData();
    return toState(result, intent === "submit" ? "提出しました。企画担当の承認をお待ちください。" : "下書きを保存しました。");
  } catch (e) {
    console.error("saveSheet failed", e);
    return { status: "error", message: GENERIC };
  }
}

export async function approveSheet(_prev: SheetFormState, form: FormData): Promise<SheetFormState> {
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "error", message: "サインインしてください。" };
    const parsed = workflowSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { status: "error", message: "入力内容を確認してください。", fieldErrors: fieldErrors(parsed.error) };
    const result = await approveSheetEntry(db(), user, parsed.data);
    if (result.ok) invalidateData();
    return toState(result, "承認し、公開しました。");
  } catch (e) {
    console.error("approveSheet failed", e);
    return { status: "error", message: GENERIC };
  }
}

export async function returnSheet(_prev: SheetFormState, form: FormData): Promise<SheetFormState> {
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "error", message: "サインインしてください。" };
    const parsed = returnSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { status: "error", message: "入力内容を確認してください。", fieldErrors: fieldErrors(parsed.error) };
    const result = await returnSheetEntry(db(), user, parsed.data);
    if (result.ok) invalidateData();
    return toState(result, "差し戻しました。");
  } catch (e) {
    console.error("returnSheet failed", e);
    return { status: "error", message: GENERIC };
  }
}
