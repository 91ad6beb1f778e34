"use server";
// Server actions of the KPI set-up pages: on the one action path (formAction → runAction → lib/setup/measures,
// which authorises with plan.manage, writes and audits in one transaction).
import { z } from "zod";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { formAction, asForm } from "@/lib/actions/form";
import type { ActionResult, FormState } from "@/lib/actions/action";
import type { Actor } from "@/lib/authz/permissions";
import { measureDefinitionSchema } from "@/lib/setup/measure-schema";
import { measureFormToInput, slotFieldErrors } from "@/lib/setup/measure-form";
import { moveMeasureInOrder, saveMeasureDefinition, setMeasureRetired, type SaveMeasureResult } from "@/lib/setup/measures";
import { measureSetupPath } from "@/lib/setup/paths";

const saveSchema = z.object({
  planId: z.string().min(1),
  currentNumber: z.string().nullable(),
  expected: z.string().max(100).nullable(),
  reason: z.string().max(2000, "2,000文字以内で入力してください").nullable(),
  definition: measureDefinitionSchema,
});

const route = z.object({ code: z.string().regex(/^\d{6}$/), slug: z.string().regex(/^[a-z0-9-]+$/) });

export async function saveMeasure(prev: FormState<SaveMeasureResult>, form: FormData): Promise<ActionResult<SaveMeasureResult>> {
  form = asForm(form); // a forged call may send anything as the form
  const { input, slots } = measureFormToInput(form);
  const result = await formAction(
    {
      name: "setup.saveMeasure",
      schema: saveSchema,
      run: (actor: Actor, i: z.output<typeof saveSchema>) => saveMeasureDefinition(db(), actor, i),
      publishes: (d: SaveMeasureResult) => d.changed,
      message: (d: SaveMeasureResult) => (!d.changed ? "変更はありません。" : d.created ? `No ${d.number} を追加しました。` : `No ${d.number} の設定を保存しました。`),
    },
    () => input,
  )(prev, form);
  if (result.status === "error") return { ...result, fieldErrors: slotFieldErrors(result.fieldErrors, slots) };
  // after a change the page is loaded afresh (a new KPI or a changed No lives at another URL); the message
  // travels in the query
  const at = route.safeParse({ code: form.get("code"), slug: form.get("slug") });
  if (at.success && result.data?.changed) {
    redirect(`${measureSetupPath(at.data.code, at.data.slug, result.data.number)}?saved=${result.data.created ? "created" : "saved"}`);
  }
  return result;
}

const moveSchema = z.object({ planId: z.string().min(1), number: z.string().min(1), direction: z.enum(["up", "down"]) });

export async function moveMeasure(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({
    name: "setup.moveMeasure",
    schema: moveSchema,
    run: (actor: Actor, i: z.output<typeof moveSchema>) => moveMeasureInOrder(db(), actor, i),
    publishes: (d: { changed: boolean }) => d.changed,
    message: (d: { changed: boolean }) => (d.changed ? "並べ替えました。" : "これ以上移動できません。"),
  })(prev as never, form);
}

const retireSchema = z.object({
  planId: z.string().min(1),
  number: z.string().min(1),
  retired: z.enum(["1", "0"]).transform((v) => v === "1"),
  reason: z.string().max(2000, "2,000文字以内で入力してください").optional(),
});

export async function retireMeasure(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({
    name: "setup.retireMeasure",
    schema: retireSchema,
    run: (actor: Actor, i: z.output<typeof retireSchema>) => setMeasureRetired(db(), actor, i),
    publishes: (d: { changed: boolean }) => d.changed,
    message: (d: { changed: boolean }) => (d.changed ? "保存しました。" : "変更はありません。"),
  })(prev as never, form);
}
