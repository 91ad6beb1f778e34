"use server";
// The operator's actions: on the one action path (zod → signed-in user → lib mutation, which authorises).
import { db } from "@/lib/db";
import { formAction, asForm } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { createOrganization, createOrganizationSchema } from "@/lib/organizations/mutations";

export async function addOrganization(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({
    name: "organization.create",
    schema: createOrganizationSchema,
    run: (actor, input) => createOrganization(db(), actor, input),
    publishes: true,
    message: (d) => `${d.name}（${d.code}）を登録しました。`,
  })(prev as never, form);
}
