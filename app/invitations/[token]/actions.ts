"use server";
// Answering an invitation: an existing account signed in as the invitee (the one action path with the signed-in
// user), or someone new through the link alone, choosing their name and password.
import { db } from "@/lib/db";
import { formAction, formObject, asForm } from "@/lib/actions/form";
import { nulPath, NUL_MESSAGE, refusalResult, zodFieldErrors, type ActionResult, type FormState } from "@/lib/actions/action";
import { MESSAGES } from "@/lib/actions/refusal";
import { acceptAsNewUser, acceptNewSchema, acceptSchema, answerInvitation } from "@/lib/users/invitations";

export async function answerInvitationAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return formAction({
    name: "user.answerInvitation",
    schema: acceptSchema,
    run: (a, i) => answerInvitation(db(), a, i),
    publishes: false,
    message: (d) => (d.accepted ? "招待を承諾しました。この団体の利用者になりました。" : "招待を辞退しました。"),
  })(prev as never, form);
}

export async function acceptAsNewUserAction(_prev: FormState, form: FormData): Promise<ActionResult<{ email: string }>> {
  // no signed-in user here: the link's secret is the proof, checked inside the transaction
  const raw = formObject(form instanceof FormData ? form : new FormData());
  const nul = nulPath(raw);
  if (nul) return { status: "error", code: "invalid", message: MESSAGES.invalid, fieldErrors: { [nul]: NUL_MESSAGE } };
  const parsed = acceptNewSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", code: "invalid", message: MESSAGES.invalid, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    const data = await acceptAsNewUser(db(), parsed.data);
    return { status: "ok", message: parsed.data.decision === "decline" ? "招待を辞退しました。" : "参加しました。設定したパスワードでサインインしてください。", data };
  } catch (e) {
    return refusalResult(e, "user.acceptAsNewUser");
  }
}
