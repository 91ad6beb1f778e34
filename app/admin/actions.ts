"use server";
import { asForm } from "@/lib/actions/form";
// Planning division actions: parse → authorise (in lib, against the signed-in user) → write → revalidate.
import { db } from "@/lib/db";
import { performAction } from "@/lib/forms/perform-action";
import type { ActionState } from "@/lib/forms/action-state";
import { ratingSchema, setOfficialRating } from "@/lib/evaluation/mutations";
import { disableSchema, membershipSchema, resetPassword, resetPasswordSchema, setMembership, setUserDisabled } from "@/lib/users/mutations";

const withUnits = (form: FormData) => ({ ...Object.fromEntries(form), unitIds: form.getAll("unitIds").map(String) });

export async function saveOfficialRating(_p: ActionState, form: FormData): Promise<ActionState> {
  form = asForm(form); // a forged call may send anything as the form
  return performAction("admin action", ratingSchema, Object.fromEntries(form), (user, i) => setOfficialRating(db(), user, i), "公式評価を保存しました。");
}

export async function changeMembership(_p: ActionState, form: FormData): Promise<ActionState> {
  form = asForm(form); // a forged call may send anything as the form
  return performAction("admin action", membershipSchema, withUnits(form), (user, i) => setMembership(db(), user, i), "役割と担当を更新しました。");
}

export async function changeDisabled(_p: ActionState, form: FormData): Promise<ActionState> {
  form = asForm(form); // a forged call may send anything as the form
  return performAction("admin action", disableSchema, Object.fromEntries(form), (user, i) => setUserDisabled(db(), user, i), "利用者の状態を更新しました。");
}

export async function changePassword(_p: ActionState, form: FormData): Promise<ActionState> {
  form = asForm(form); // a forged call may send anything as the form
  return performAction("admin action", resetPasswordSchema, Object.fromEntries(form), (user, i) => resetPassword(db(), user, i), "パスワードを再設定しました。");
}
