"use server";
// Committee actions: parse → authorise (in lib, against the signed-in user) → write → revalidate.
import { invalidateData } from "@/lib/cache";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { zodFieldErrors, type ActionState } from "@/lib/forms/action-state";
import { addComment, commentSchema, publishSchema, reviewSchema, setCommentPublished, setReviewed } from "@/lib/review/mutations";
import type { SimpleResult } from "@/lib/evaluation/mutations";
import type { z } from "zod";

async function perform<S extends z.ZodTypeAny>(schema: S, form: FormData, fn: (input: z.output<S>) => Promise<SimpleResult>, done: string): Promise<ActionState> {
  try {
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { status: "error", message: "入力内容を確認してください。", fieldErrors: zodFieldErrors(parsed.error) };
    const result = await fn(parsed.data);
    if (!result.ok) return { status: "error", message: result.message };
    invalidateData();
    return { status: "ok", message: done };
  } catch (e) {
    console.error("review action failed", e);
    return { status: "error", message: "処理できませんでした。時間をおいてもう一度お試しください。" };
  }
}

async function user() {
  const u = await getCurrentUser();
  if (!u) throw new Error("not signed in");
  return u;
}
const signedIn = async () => Boolean(await getCurrentUser());
const notSignedIn: ActionState = { status: "error", message: "サインインしてください。" };

export async function postComment(_p: ActionState, form: FormData): Promise<ActionState> {
  if (!(await signedIn())) return notSignedIn;
  return perform(commentSchema, form, async (i) => addComment(db(), await user(), i), form.get("parentId") ? "返信しました。" : "コメントを登録しました。");
}

export async function markReviewed(_p: ActionState, form: FormData): Promise<ActionState> {
  if (!(await signedIn())) return notSignedIn;
  return perform(reviewSchema, form, async (i) => setReviewed(db(), await user(), i), form.get("reviewed") === "true" ? "確認済みにしました。" : "確認済みを取り消しました。");
}

export async function publishComment(_p: ActionState, form: FormData): Promise<ActionState> {
  if (!(await signedIn())) return notSignedIn;
  return perform(publishSchema, form, async (i) => setCommentPublished(db(), await user(), i), form.get("published") === "true" ? "コメントを公開しました。" : "コメントを非公開にしました。");
}
