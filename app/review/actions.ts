"use server";
// Committee actions on the one action path (formAction → runAction): zod → signed-in user → the lib mutation,
// which authorises against the permission table and audits in its transaction → cache → one result shape.
import { db } from "@/lib/db";
import { formAction } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { addComment, commentSchema, publishSchema, reviewSchema, setCommentPublished, setReviewed } from "@/lib/review/mutations";

// each answer says what was done, so run hands the input back for the message; only publishing a comment (or
// taking it back) changes what the public sees: a comment or a review mark is for the committee's pages alone
const comment = formAction({
  name: "review.comment",
  schema: commentSchema,
  run: async (actor, input) => (await addComment(db(), actor, input), input),
  publishes: false,
  refreshes: true,
  message: (input) => (input.parentId ? "返信しました。" : "コメントを登録しました。"),
});

const mark = formAction({
  name: "review.mark",
  schema: reviewSchema,
  run: async (actor, input) => (await setReviewed(db(), actor, input), input),
  publishes: false,
  refreshes: true,
  message: (input) => (input.reviewed ? "確認済みにしました。" : "確認済みを取り消しました。"),
});

const publish = formAction({
  name: "comment.publish",
  schema: publishSchema,
  run: async (actor, input) => (await setCommentPublished(db(), actor, input), input),
  publishes: true,
  message: (input) => (input.published ? "コメントを公開しました。" : "コメントを非公開にしました。"),
});

export async function postComment(prev: FormState, form: FormData) {
  return comment(prev as never, form);
}

export async function markReviewed(prev: FormState, form: FormData) {
  return mark(prev as never, form);
}

export async function publishComment(prev: FormState, form: FormData) {
  return publish(prev as never, form);
}
