import "server-only";
// The admin's outbox (/admin/mail): every e-mail of the organisation with its status, attempts and last error,
// the full text readable; a failed or held message can be sent again (queued now, audited). An operator sees every
// organisation's outbox.
import { z } from "zod";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { can, type Actor } from "../authz/permissions";
import { refuse } from "../actions/refusal";
import { inTransaction } from "../actions/transaction";
import { writeAudit } from "../audit/log";

export const MAIL_STATUS_LABELS = {
  queued: "送信待ち",
  sent: "送信済み",
  failed: "送信失敗",
  held: "保留（送信先サーバー未設定）",
} as const;
export type MailStatusKey = keyof typeof MAIL_STATUS_LABELS;

/** The outbox rows the actor may see (null: none at all). */
function visibleTo(actor: Actor): Prisma.MailMessageWhereInput | null {
  if (can(actor, "mail.manage", "installation")) return {};
  const orgIds = actor.memberships.filter((m) => can(actor, "mail.manage", { organizationId: m.organizationId })).map((m) => m.organizationId);
  return orgIds.length ? { organizationId: { in: orgIds } } : null;
}

export const outboxFilterSchema = z.object({
  status: z.enum(["queued", "sent", "failed", "held"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

const PER_PAGE = 50;

export async function getOutbox(prisma: PrismaClient, actor: Actor, input: z.input<typeof outboxFilterSchema> = {}) {
  const scope = visibleTo(actor);
  if (!scope) return null;
  const { status, page } = outboxFilterSchema.parse(input);
  const where: Prisma.MailMessageWhereInput = { ...scope, ...(status ? { status } : {}) };
  const [rows, total, counts] = await Promise.all([
    prisma.mailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PER_PAGE,
      take: PER_PAGE,
      select: { id: true, to: true, subject: true, text: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true, organization: { select: { name: true } } },
    }),
    prisma.mailMessage.count({ where }),
    prisma.mailMessage.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(Object.keys(MAIL_STATUS_LABELS).map((k) => [k, counts.find((c) => c.status === k)?._count._all ?? 0])) as Record<MailStatusKey, number>;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), status: status ?? null, byStatus };
}

export const resendSchema = z.object({ id: z.string().min(1).max(100) });

/** A failed or held message goes back to the queue, to be sent at once (attempts start again). */
export async function resendMail(prisma: PrismaClient, actor: Actor, input: z.output<typeof resendSchema>): Promise<{ to: string }> {
  return inTransaction(prisma, async (tx) => {
    const scope = visibleTo(actor);
    if (!scope) refuse("forbidden", "この操作を行う権限がありません。");
    const mail = await tx.mailMessage.findFirst({ where: { id: input.id, ...scope }, select: { id: true, to: true, status: true, attempts: true, lastError: true, organizationId: true } });
    if (!mail) refuse("not_found", "メールが見つかりません。");
    if (mail.status !== "failed" && mail.status !== "held") refuse("state", "送信失敗または保留のメールだけを再送できます。");
    await tx.mailMessage.update({ where: { id: mail.id }, data: { status: "queued", attempts: 0, nextAttemptAt: new Date(), lastError: null } });
    await writeAudit(tx, {
      organizationId: mail.organizationId,
      userId: actor.id,
      action: "mail.resend",
      entityType: "MailMessage",
      entityId: mail.id,
      before: { status: mail.status, attempts: mail.attempts, lastError: mail.lastError },
      after: { status: "queued", to: mail.to },
      via: actor.via,
    });
    return { to: mail.to };
  });
}
