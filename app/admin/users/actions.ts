"use server";
// Registering a user on the one action path: the form keeps what was typed and shows each error beside its field.
import { db } from "@/lib/db";
import { formAction, formObject } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { refuse } from "@/lib/actions/refusal";
import { FORBIDDEN } from "@/lib/evaluation/mutations";
import { createUser, createUserSchema } from "@/lib/users/mutations";

export async function createUserAction(prev: FormState, form: FormData) {
  return formAction(
    {
      name: "user.create",
      schema: createUserSchema,
      run: async (a, i) => {
        const r = await createUser(db(), a, i);
        if (!r.ok) refuse(r === FORBIDDEN ? "forbidden" : r.fieldErrors ? "invalid" : "not_found", r.message, r.fieldErrors);
        return r;
      },
      publishes: false,
      message: "利用者を登録しました。",
    },
    (f) => ({ ...formObject(f), unitIds: f.getAll("unitIds").map(String) }),
  )(prev as never, form);
}
