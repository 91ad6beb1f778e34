"use server";
// Planning division actions: parse → authorise (in lib, against the signed-in user) → write → revalidate.
import { invalidateData } from "@/lib/cache";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { zodFieldErrors, type ActionState } from "@/lib/forms/action-state";
import { evaluationYearSchema, ratingSchema, setEvaluationYear, setOfficialRating, type SimpleResult } from "@/lib/evaluation/mutations";
import { createUser, createUserSchema, disableSchema, membershipSchema, resetPassword, resetPasswordSchema, setMembership, setUserDisabled } from "@/lib/users/mutations";
import type { z } from "zod";

async function perform<S extends z.ZodTypeAny>(schema: S, raw: unknown, fn: (input: z.output<S>) => Promise<SimpleResult>, done: string): Promise<ActionState> {
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "error", message: "サインインしてください。" };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { status: "error", message: "入力内容を確認してください。", fieldErrors: zodFieldErrors(parsed.error) };
    const result = await fn(parsed.data);
    if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
    invalidateData();
    return { status: "ok", message: done };
  } catch (e) {
    console.error("admin action failed", e);
    return { status: "error", message: "処理できませんでした。時間をおいてもう一度お試しください。" };
  }
}

const withUser = async () => (await getCurrentUser())!;

export async function saveEvaluationYear(_p: ActionState, form: FormData): Promise<ActionState> {
  return perform(evaluationYearSchema, Object.fromEntries(form), async (i) => setEvaluationYear(db(), await withUser(), i), "評価年度を更新しました。");
}

export async function saveOfficialRating(_p: ActionState, form: FormData): Promise<ActionState> {
  return perform(ratingSchema, Object.fromEntries(form), async (i) => setOfficialRating(db(), await withUser(), i), "公式評価を保存しました。");
}

export async function addUser(_p: ActionState, form: FormData): Promise<ActionState> {
  const raw = { ...Object.fromEntries(form), unitIds: form.getAll("unitIds").map(String) };
  return perform(createUserSchema, raw, async (i) => createUser(db(), await withUser(), i), "利用者を登録しました。");
}

export async function changeMembership(_p: ActionState, form: FormData): Promise<ActionState> {
  const raw = { ...Object.fromEntries(form), unitIds: form.getAll("unitIds").map(String) };
  return perform(membershipSchema, raw, async (i) => setMembership(db(), await withUser(), i), "役割と担当を更新しました。");
}

export async function changeDisabled(_p: ActionState, form: FormData): Promise<ActionState> {
  return perform(disableSchema, Object.fromEntries(form), async (i) => setUserDisabled(db(), await withUser(), i), "利用者の状態を更新しました。");
}

export async function changePassword(_p: ActionState, form: FormData): Promise<ActionState> {
  return perform(resetPasswordSchema, Object.fromEntries(form), async (i) => resetPassword(db(), await withUser(), i), "パスワードを再設定しました。");
}
