// A sheet's writes on the one action path (runAction): save a draft, submit, approve, return. The edit page's
// and the review screen's server actions and the token API (lib/api/sheets.ts) use these definitions; the
// mutations (lib/sheets/mutations.ts) authorise, write and audit in one transaction.
import type { ActionDefinition } from "../actions/action";
import { db } from "../db";
import { approveSheetEntry, returnSheetEntry, saveSheetEntry, type SheetWriteResult } from "./mutations";
import { returnSchema, sheetEntrySchema, workflowSchema } from "./schemas";

type SaveSchema = ReturnType<typeof sheetEntrySchema>;

/** Save the officer's draft or submit it; `units` (seriesId → unit) lets the schema read 「1,759人」. */
export function saveDefinition(units: Record<string, string | null>, intent: "draft" | "submit"): ActionDefinition<SaveSchema, SheetWriteResult> {
  return {
    name: intent === "submit" ? "sheet.submit" : "sheet.save",
    schema: sheetEntrySchema(units),
    run: (actor, input) => saveSheetEntry(db(), actor, input, intent),
    // a draft or a submission is not public (the staff pages read it per request): nothing cached changes
    publishes: false,
    refreshes: true,
    message: intent === "submit" ? "提出しました。企画担当の承認をお待ちください。" : "下書きを保存しました。",
  };
}

export const approveDefinition: ActionDefinition<typeof workflowSchema, SheetWriteResult> = {
  name: "sheet.approve",
  schema: workflowSchema,
  run: (actor, input) => approveSheetEntry(db(), actor, input),
  publishes: true,
  message: "承認し、公開しました。",
};

export const returnDefinition: ActionDefinition<typeof returnSchema, SheetWriteResult> = {
  name: "sheet.return",
  schema: returnSchema,
  run: (actor, input) => returnSheetEntry(db(), actor, input),
  // the department's draft goes back to them: nothing public changes (the staff pages read it per request)
  publishes: false,
  refreshes: true,
  message: "差し戻しました。",
};
