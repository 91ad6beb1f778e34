"use server";
// The officer's sheet: runAction (zod → signed-in user → the lib mutation, which authorises against the permission
// table, writes the versioned draft and audits in one transaction → cache → one result shape).
import { nulPath, refusalResult, runAction } from "@/lib/actions/action";
import { asForm } from "@/lib/actions/form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { sheetFormToObject, toSheetFieldKey } from "@/lib/sheets/schemas";
import { getSeriesUnits } from "@/lib/sheets/series-units";
import { saveDefinition } from "@/lib/sheets/workflow-actions";
import type { SheetFormState } from "@/lib/sheets/form-state";

export async function saveSheet(_prev: SheetFormState, form: FormData): Promise<SheetFormState> {
  form = asForm(form); // a forged call may send anything as the form
  const intent = form.get("intent") === "submit" ? "submit" : "draft";
  const raw = sheetFormToObject(form);
  let units: Record<string, string | null> = {};
  try {
    // the schema reads 「1,759人」 with each series' unit (a NUL byte is refused by runAction before any query)
    if (!nulPath(raw)) units = await getSeriesUnits(raw.measureId);
  } catch (e) {
    return refusalResult(e, "sheet.save");
  }
  const result = await runAction(getCurrentUser, raw, saveDefinition(units, intent));
  // the form shows a value's error beside its field, named value:<seriesId> as the form's own check names it
  if (result.status === "error" && result.fieldErrors) return { ...result, fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [toSheetFieldKey(k), v])) };
  return result;
}
