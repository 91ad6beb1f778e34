"use server";
// The official rating, on the one action path: form → zod → user → lib (authorises, audits) → public cache dropped.
import { formAction } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { officialRatingSchema, setOfficialRating } from "@/lib/evaluation/official-rating";

const save = formAction({
  name: "rating.set",
  schema: officialRatingSchema,
  run: (user, input) => setOfficialRating(db(), user, input),
  publishes: true,
  message: (d) => (d.differs ? `公式評価を「${d.rating}」にしました（算出した判定と異なる理由とともに公開されます）。` : `公式評価を「${d.rating}」にしました。`),
});

export async function saveOfficialRating(prev: FormState, form: FormData): Promise<FormState> {
  return save(prev as never, form);
}
