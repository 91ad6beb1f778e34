"use server";
// An organisation's set-up (its administrators): plans and units, on the one action path
// (zod → signed-in user → lib mutation, which authorises against the permission table and audits).
import { db } from "@/lib/db";
import { formAction } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { createPlan, createPlanSchema } from "@/lib/plans/setup";
import { addUnit, addUnitSchema, moveUnit, moveUnitSchema, renameUnit, renameUnitSchema, retireUnitSchema, setUnitRetired } from "@/lib/units/mutations";

export async function createPlanAction(prev: FormState, form: FormData) {
  return formAction({ name: "plan.create", schema: createPlanSchema, run: (a, i) => createPlan(db(), a, i), publishes: true, message: "計画を作成しました。" })(prev as never, form);
}

export async function addUnitAction(prev: FormState, form: FormData) {
  return formAction({ name: "unit.create", schema: addUnitSchema, run: (a, i) => addUnit(db(), a, i), publishes: true, message: (u) => `「${u.path}」を追加しました。` })(prev as never, form);
}

export async function renameUnitAction(prev: FormState, form: FormData) {
  return formAction({ name: "unit.rename", schema: renameUnitSchema, run: (a, i) => renameUnit(db(), a, i), publishes: true, message: (u) => (u.changed ? `「${u.path}」に変更しました。` : "変更はありません。") })(prev as never, form);
}

export async function moveUnitAction(prev: FormState, form: FormData) {
  return formAction({ name: "unit.move", schema: moveUnitSchema, run: (a, i) => moveUnit(db(), a, i), publishes: true, message: (u) => (u.changed ? `「${u.path}」に移しました。` : "変更はありません。") })(prev as never, form);
}

export async function retireUnitAction(prev: FormState, form: FormData) {
  return formAction({ name: "unit.retire", schema: retireUnitSchema, run: (a, i) => setUnitRetired(db(), a, i), publishes: true, message: "部署の状態を変更しました。" })(prev as never, form);
}
