"use server";
import { asForm } from "@/lib/actions/form";
// Committee actions: parse → authorise (in lib, against the signed-in user) → write → revalidate.
import { db } from "@/lib/db";
import { performAction } from "@/lib/forms/perform-action";
import type { ActionState } from "@/lib/forms/action-state";
import { addComment, commentSchema, publishSchema, reviewSchema, setCommentPublished, setReviewed } from "@/lib/review/mutations";

export async function postComment(_p: ActionState, form: FormData): Promise<ActionState> {
  form = asForm(form); // a forged call may send anything as the form
  return performAction("review action", commentSchema, Object.fromEntries(form), (user, i) => addComment(db(), user, i), form.get("parentId") ? "返信しました。" : "コメントを登録しました。");
}

export async function markReviewed(_p: ActionState, form: FormData): Promise<ActionState> {
  form = asForm(form); // a forged call may send anything as the form
  return performAction("review action", reviewSchema, Object.fromEntries(form), (user, i) => setReviewed(db(), user, i), form.get("reviewed") === "true" ? "確認済みにしました。" : "確認済みを取り消しました。");
}

export async function publishComment(_p: ActionState, form: FormData): Promise<ActionState> {
  form = asForm(form); // a forged call may send anything as the form
  return performAction("review action", publishSchema, Object.fromEntries(form), (user, i) => setCommentPublished(db(), user, i), form.get("published") === "true" ? "コメントを公開しました。" : "コメントを非公開にしました。");
}
