// The audit log: every change with who, when, what, before and after — written with the same transaction
// client as the change itself, so a change without its record (or the reverse) cannot exist.
import type { Prisma } from "../generated/prisma/client";

export type AuditEntry = {
  organizationId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const json = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function writeAudit(tx: Prisma.TransactionClient, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: { organizationId: e.organizationId, userId: e.userId, action: e.action, entityType: e.entityType, entityId: e.entityId, before: json(e.before), after: json(e.after) },
  });
}
