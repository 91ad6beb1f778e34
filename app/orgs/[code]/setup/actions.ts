"use server";
// An organisation's set-up (its administrators): plans and units, on the one action path
// (zod → signed-in user → lib mutation, which authorises against the permission table and audits).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { formAction, formObjectWithGroups, asForm } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { createPlan, createPlanSchema } from "@/lib/plans/setup";
import { adminTwoFactorSchema, setAdminTwoFactorRequirement } from "@/lib/organizations/security";
import { addUnit, addUnitSchema, moveUnit, moveUnitSchema, renameUnit, renameUnitSchema, retireUnitSchema, setUnitRetired } from "@/lib/units/mutations";

export async function createPlanAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction(
    { name: "plan.create", schema: createPlanSchema, run: (a, i) => createPlan(db(), a, i), publishes: true, message: "計画を作成しました。" },
    (f) => formObjectWithGroups(f, ["progressSettings"]),
  )(prev as never, form);
}

export async function addUnitAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "unit.create", schema: addUnitSchema, run: (a, i) => addUnit(db(), a, i), publishes: true, message: (u) => `「${u.path}」を追加しました。` })(prev as never, form);
}

export async function renameUnitAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "unit.rename", schema: renameUnitSchema, run: (a, i) => renameUnit(db(), a, i), publishes: true, message: (u) => (u.changed ? `「${u.path}」に変更しました。` : "変更はありません。") })(prev as never, form);
}

export async function moveUnitAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "unit.move", schema: moveUnitSchema, run: (a, i) => moveUnit(db(), a, i), publishes: true, message: (u) => (u.changed ? `「${u.path}」に移しました。` : "変更はありません。") })(prev as never, form);
}

export async function retireUnitAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "unit.retire", schema: retireUnitSchema, run: (a, i) => setUnitRetired(db(), a, i), publishes: true, message: "部署の状態を変更しました。" })(prev as never, form);
}

// 管理者に2段階認証を必須にする: the organisation's admins only (organization.security), audited
export async function adminTwoFactorAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await formAction(
    {
      name: "organization.security",
      schema: adminTwoFactorSchema,
      run: (a, i) => setAdminTwoFactorRequirement(db(), a, i),
      publishes: false,
      message: (r) => (!r.changed ? "変更はありません。" : r.required ? "管理者に2段階認証を必須にしました。" : "管理者の2段階認証を任意に戻しました。"),
    },
    // an unticked checkbox is not posted: read it as off
    (f) => ({ organizationId: String(f.get("organizationId") ?? ""), required: f.get("required") === "on" ? "on" : "off" }),
  )(prev as never, form);
  if (result.status === "ok") revalidatePath(`/orgs/[code]/setup`, "page");
  return result;
}
