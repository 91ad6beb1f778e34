// Drains the outbox: every due `queued` message is taken under FOR UPDATE SKIP LOCKED (two processes never send
// the same mail; a row being sent is skipped by the other), sent, and marked `sent`; a failure counts the
// attempt, keeps the error (without secrets) and waits by the backoff, and the last failure marks it `failed`.
// Without an SMTP server (no SMTP_URL) due messages are `held`: kept, readable in the admin's outbox.
import type { PrismaClient } from "../generated/prisma/client";
import { nextAttemptAfter, safeError } from "./backoff";
import { transportFromEnv, type MailTransport } from "./transport";

export type DrainResult = { sent: number; retrying: number; failed: number; held: number };

/** A timestamp column (without time zone, UTC as Prisma writes it) compared with an instant. */
const utcTimestamp = (d: Date) => d.toISOString().replace("Z", "");

type Options = {
  /** the transport to use; default: from SMTP_URL (null: none configured) */
  transport?: MailTransport | null;
  /** the clock (tests move it past the backoff) */
  now?: () => Date;
  /** at most this many messages per run; the scheduled run picks up the rest */
  limit?: number;
};

export async function drainOutbox(prisma: PrismaClient, options: Options = {}): Promise<DrainResult> {
  const now = options.now ?? (() => new Date());
  const transport = options.transport === undefined ? transportFromEnv() : options.transport;
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0, held: 0 };
  try {
    if (!transport) {
      const held = await prisma.mailMessage.updateMany({ where: { status: "queued", nextAttemptAt: { lte: now() } }, data: { status: "held", lastError: null } });
      result.held = held.count;
      return result;
    }
    const limit = options.limit ?? 200;
    for (let i = 0; i < limit; i++) {
      const outcome = await sendOne(prisma, transport, now);
      if (outcome === null) break;
      result[outcome]++;
    }
    return result;
  } finally {
    if (transport && options.transport === undefined) transport.transporter.close();
  }
}

/** One due message in its own transaction, holding its row lock while it is sent. null: nothing is due. */
async function sendOne(prisma: PrismaClient, transport: MailTransport, now: () => Date): Promise<"sent" | "retrying" | "failed" | null> {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "MailMessage"
        WHERE "status" = 'queued' AND "nextAttemptAt" <= ${utcTimestamp(now())}::timestamp
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return null;
      const mail = await tx.mailMessage.findUniqueOrThrow({ where: { id: rows[0].id } });
      const attempts = mail.attempts + 1;
      try {
        await transport.transporter.sendMail({
          from: transport.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          // lets the receiving side (and our tests) tie a message to its outbox row
          headers: { "X-KPI-Outbox-Id": mail.id },
          textEncoding: "base64",
        });
        await tx.mailMessage.update({ where: { id: mail.id }, data: { status: "sent", attempts, sentAt: now(), lastError: null } });
        return "sent";
      } catch (e) {
        const next = nextAttemptAfter(attempts, now());
        await tx.mailMessage.update({
          where: { id: mail.id },
          data: { attempts, lastError: safeError(e, transport.secrets), ...(next ? { nextAttemptAt: next } : { status: "failed" }) },
        });
        return next ? "retrying" : "failed";
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
