"use server";
// The planning division's evaluation-year forms on the one action path (zod → signed-in user → lib mutation,
// which authorises against the permission table and audits in the same transaction).
import { db } from "@/lib/db";
import { formAction, asForm } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { extensionRemoveSchema, extensionSchema, evaluationYearSchema } from "@/lib/evaluation/year-schemas";
import { extendDeadline, removeExtension, setEvaluationYear } from "@/lib/evaluation/year-mutations";
import { eraDateLabel } from "@/lib/evaluation/deadline-label";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";

export async function saveEvaluationYearAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({
    name: "evaluation.set",
    schema: evaluationYearSchema,
    run: (a, i) => setEvaluationYear(db(), a, i),
    // a year opened or closed changes the plan's default year on the public pages
    publishes: true,
    message: (y) => `${fiscalYearWithWestern(y.fiscalYear)}の評価を${y.status === "open" ? "受付中にしました" : "終了しました"}。`,
  })(prev as never, form);
}

export async function extendDeadlineAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({
    name: "evaluation.extend",
    schema: extensionSchema,
    run: (a, i) => extendDeadline(db(), a, i),
    publishes: false,
    message: (e) => `${e.subject}の提出期限を${eraDateLabel(e.deadline)}まで延長しました。`,
  })(prev as never, form);
}

export async function removeExtensionAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({
    name: "evaluation.extensionRemove",
    schema: extensionRemoveSchema,
    run: (a, i) => removeExtension(db(), a, i),
    publishes: false,
    message: (e) => `${e.subject}の延長を取り消しました。`,
  })(prev as never, form);
}
