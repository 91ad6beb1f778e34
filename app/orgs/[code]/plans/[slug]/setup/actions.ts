"use server";
// A plan's set-up (its organisation's administrators): settings, status, sections and the next period, on
// the one action path (zod → signed-in user → lib mutation, which authorises and audits).
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { formAction, formObjectWithGroups, asForm } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { PLAN_STATUS_LABELS, planStatusSchema, setPlanStatus, updatePlan, updatePlanSchema } from "@/lib/plans/setup";
import { addSection, addSectionSchema, deleteSection, deleteSectionSchema, moveSection, moveSectionSchema, updateSection, updateSectionSchema } from "@/lib/plans/sections";
import { nextPeriodSchema, startNextPeriod } from "@/lib/plans/next-period";

export async function updatePlanAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction(
    { name: "plan.update", schema: updatePlanSchema, run: (a, i) => updatePlan(db(), a, i), publishes: true, message: (r) => (r.changed ? "計画の設定を保存しました。" : "変更はありません。") },
    (f) => formObjectWithGroups(f, ["progressSettings"]),
  )(prev as never, form);
}

export async function planStatusAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "plan.status", schema: planStatusSchema, run: (a, i) => setPlanStatus(db(), a, i), publishes: true, message: (r) => (r.changed ? `状態を「${PLAN_STATUS_LABELS[r.status]}」にしました。` : "変更はありません。") })(prev as never, form);
}

export async function addSectionAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "section.create", schema: addSectionSchema, run: (a, i) => addSection(db(), a, i), publishes: true, message: "区分を追加しました。" })(prev as never, form);
}

export async function updateSectionAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "section.update", schema: updateSectionSchema, run: (a, i) => updateSection(db(), a, i), publishes: true, message: (r) => (r.changed ? "区分を変更しました。" : "変更はありません。") })(prev as never, form);
}

export async function moveSectionAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "section.reorder", schema: moveSectionSchema, run: (a, i) => moveSection(db(), a, i), publishes: true, message: (r) => (r.changed ? "並べ替えました。" : "これ以上移動できません。") })(prev as never, form);
}

export async function deleteSectionAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "section.delete", schema: deleteSectionSchema, run: (a, i) => deleteSection(db(), a, i), publishes: true, message: "区分を削除しました。" })(prev as never, form);
}

/** On success, opens the new plan's set-up page. */
export async function nextPeriodAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await formAction({ name: "plan.startNextPeriod", schema: nextPeriodSchema, run: (a, i) => startNextPeriod(db(), a, i), publishes: true, message: "次期計画を作成しました。" })(prev as never, form);
  if (result.status === "ok" && result.data) redirect(`/orgs/${encodeURIComponent(String(form.get("organizationCode")))}/plans/${result.data.slug}/setup?created=next`);
  return result;
}
