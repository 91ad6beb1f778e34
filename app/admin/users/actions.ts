"use server";
// Adding people by invitation on the one action path: the form keeps what was typed and shows each error beside
// its field; the invitation's e-mail leaves through the outbox at once.
import { db } from "@/lib/db";
import { formAction, formObject, asForm } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/action";
import { wakeMailSender } from "@/lib/jobs/wake";
import { inviteSchema, inviteUser, withdrawInvitation, withdrawSchema } from "@/lib/users/invitations";

export async function inviteUserAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await formAction(
    {
      name: "user.invite",
      schema: inviteSchema,
      run: (a, i) => inviteUser(db(), a, i),
      publishes: false,
      message: (d) => `${d.email} に招待を送りました。本人がメールのリンクから承諾すると、この団体の利用者になります。`,
    },
    (f) => ({ ...formObject(f), unitIds: f.getAll("unitIds").map(String) }),
  )(prev as never, form instanceof FormData ? form : new FormData());
  if (result.status === "ok") wakeMailSender();
  return result;
}

export async function withdrawInvitationAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({ name: "user.withdrawInvitation", schema: withdrawSchema, run: (a, i) => withdrawInvitation(db(), a, i), publishes: false, message: (d) => `${d.email} への招待を取り消しました。` })(prev as never, form);
}
