// Approve and return on the one action path (runAction): the review screen's server actions use these
// definitions; the mutations (lib/sheets/mutations.ts) authorise, write and audit in one transaction.
import { refuse, type RefusalCode } from "../actions/refusal";
import type { ActionDefinition } from "../actions/action";
import { db } from "../db";
import { approveSheetEntry, returnSheetEntry, type MutationResult } from "./mutations";
import { returnSchema, workflowSchema } from "./schemas";

/** The sheet mutations' own result → the one refusal shape (field errors kept beside their fields). */
export function unwrapMutation(r: MutationResult): { version: number } {
  if (r.ok) return r;
  const code: RefusalCode = r.kind;
  refuse(code, r.message, r.kind === "invalid" ? r.fieldErrors : undefined);
}

export const approveDefinition: ActionDefinition<typeof workflowSchema, { version: number }> = {
  name: "sheet.approve",
  schema: workflowSchema,
  run: async (actor, input) => unwrapMutation(await approveSheetEntry(db(), actor, input)),
  publishes: true,
  message: "承認し、公開しました。",
};

export const returnDefinition: ActionDefinition<typeof returnSchema, { version: number }> = {
  name: "sheet.return",
  schema: returnSchema,
  run: async (actor, input) => unwrapMutation(await returnSheetEntry(db(), actor, input)),
  // the department's draft goes back to them: nothing public changes, but the staff pages do
  publishes: true,
  message: "差し戻しました。",
};
