// A user's own account: changing one's password (the current one is asked again, so a borrowed session cannot
// lock the owner out). Audited without the password or its hash; a failed check writes nothing.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import type { Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction } from "../actions/transaction";
import { MESSAGES, refuse } from "../actions/refusal";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/passwords";

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "現在のパスワードを入力してください").max(200),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`).max(200, "200文字以内にしてください"),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "確認のために同じパスワードをもう一度入力してください" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "現在と違うパスワードにしてください" });

export async function changeOwnPassword(prisma: PrismaClient, actor: Actor, input: z.output<typeof changeOwnPasswordSchema>): Promise<{ changed: true }> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { id: true, disabled: true, passwordHash: true } });
  if (!user || user.disabled) refuse("unauthenticated", MESSAGES.unauthenticated);
  if (!user.passwordHash) refuse("invalid", "組織のアカウント（SSO）でサインインしている場合、パスワードは組織の仕組みで変更してください。");
  // the same work whether or not the password is right (argon2 verification)
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) refuse("invalid", MESSAGES.invalid, { currentPassword: "現在のパスワードが正しくありません" });
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(prisma, async (tx) => {
    // every session ends, this one too: whoever knew the old password is signed out everywhere
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, failedLogins: 0, lockedUntil: null, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { organizationId: null, userId: user.id, action: "user.changeOwnPassword", entityType: "User", entityId: user.id, after: { passwordChanged: true }, via: actor.via });
  });
  return { changed: true };
}

/** Sign out everywhere: every session of the user, on every device, stops working on its next request. */
export async function endAllSessions(prisma: PrismaClient, userId: string): Promise<void> {
  await inTransaction(prisma, async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await writeAudit(tx, { organizationId: null, userId, action: "user.signOut", entityType: "User", entityId: userId, after: { sessionVersion: user.sessionVersion } });
  });
}
