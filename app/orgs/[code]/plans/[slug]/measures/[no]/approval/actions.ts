"use server";
// The review screen's decisions: runAction (zod → signed-in user → the lib mutation, which authorises against
// the permission table and audits in the same transaction), then back to the queue with the outcome.
import { redirect } from "next/navigation";
import { runAction, type ActionResult, type FormState } from "@/lib/actions/action";
import { formObject, asForm } from "@/lib/actions/form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { approveDefinition, returnDefinition } from "@/lib/sheets/workflow-actions";

/** Where the admin lands after a decision: the queue, which names the sheet and what was done. */
function queueAfter(form: FormData, done: "approved" | "returned"): string {
  const back = String(form.get("queue") ?? "");
  // only this site's queue path (the field comes from the page, but a form field can be forged)
  const path = /^\/orgs\/[0-9]+\/plans\/[A-Za-z0-9_-]+\/queue$/.test(back) ? back : "/work";
  const params = new URLSearchParams({ done, no: String(form.get("number") ?? "").slice(0, 20), year: String(form.get("evaluationYear") ?? "") });
  return `${path}?${params}`;
}

export async function approveSheetAction(_prev: FormState, form: FormData): Promise<ActionResult> {
  form = asForm(form); // a forged call may send anything as the form
  const result = await runAction(getCurrentUser, formObject(form), approveDefinition);
  if (result.status === "ok") redirect(queueAfter(form, "approved"));
  return result;
}

export async function returnSheetAction(_prev: FormState, form: FormData): Promise<ActionResult> {
  form = asForm(form); // a forged call may send anything as the form
  const result = await runAction(getCurrentUser, formObject(form), returnDefinition);
  if (result.status === "ok") redirect(queueAfter(form, "returned"));
  return result;
}
