"use server";
// Resend a failed or held e-mail from the outbox (audited); the job queue sends it within a minute, at once if
// this process runs the queue.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/actions/action";
import { formAction, asForm } from "@/lib/actions/form";
import { resendMail, resendSchema } from "@/lib/mail/outbox";
import { wakeMailSender } from "@/lib/jobs/wake";

const resend = formAction({
  name: "mail.resend",
  schema: resendSchema,
  run: (actor, input) => resendMail(db(), actor, input),
  publishes: false,
  message: (r) => `${r.to} あてのメールを送信待ちに戻しました。`,
});

export async function resendAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await resend(prev as FormState<never>, form);
  if (result.status === "ok") {
    wakeMailSender();
    revalidatePath("/admin/mail");
  }
  return result;
}
