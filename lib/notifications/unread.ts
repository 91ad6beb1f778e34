// What counts as unread, written once: the header reads it with the session's user (lib/auth/session-user.ts, one
// statement per signed-in page) and the notifications list with its page (./queries.ts). No "server-only": the
// session's statement is also run by tests and scripts outside Next.
import { Prisma } from "../generated/prisma/client";

/** The number of unread notifications of the user whose id `userId` is (an SQL expression or a bound value). */
export const unreadCountSql = (userId: Prisma.Sql) =>
  Prisma.sql`(SELECT count(*)::int FROM "Notification" n WHERE n."userId" = ${userId} AND n."readAt" IS NULL)`;
