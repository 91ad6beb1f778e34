// The audit log: every change with who, when, what, before and after — written with the same transaction
// client as the change itself, so a change without its record (or the reverse) cannot exist. It also says
// through which channel the change came (form, workbook, API with the token's name, CLI) and, where one was
// required, why.
import type { Prisma } from "../generated/prisma/client";
import type { Via } from "../authz/permissions";

export type AuditEntry = {
  organizationId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** the acting user's channel: pass `actor.via` (absent: a form) */
  via?: Via;
  reason?: string | null;
};

const json = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function writeAudit(tx: Prisma.TransactionClient, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: e.organizationId,
      userId: e.userId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: json(e.before),
      after: json(e.after),
      channel: e.via?.channel ?? "form",
      apiTokenId: e.via?.tokenId ?? null,
      apiTokenName: e.via?.tokenName ?? null,
      reason: e.reason ?? null,
    },
  });
}
