import "server-only";
import { db } from "../db";
import { can, type Actor } from "../authz/permissions";
import { getPlanOverview } from "../plans/get-overview";
import type { OverviewFilters } from "../plans/overview-filters";
import { attentionReasons, orderForReview } from "./attention";
import { cachedData } from "../cache";

/** The committee's review list of a plan for an evaluation year: attention first, with the member's marks. */
export async function getReviewList(user: Actor, code: string, slug: string, filters: OverviewFilters) {
  const overview = await getPlanOverview(code, slug, filters);
  if (!overview) return null;
  // the overview already knows the organisation: no second look-up of the plan
  const organizationId = overview.organization.id;
  if (!(can(user, "review.mark", { organizationId }) || can(user, "review.progress", { organizationId }))) {
    return { forbidden: true as const };
  }
  const ids = overview.rows.map((r) => r.id);
  const [entries, reviews, comments] = await Promise.all([
    db().sheetEntry.findMany({ where: { measureId: { in: ids }, evaluationYear: overview.year }, select: { measureId: true, state: true, publishedAt: true } }),
    db().committeeReview.findMany({ where: { userId: user.id, measureId: { in: ids }, evaluationYear: overview.year }, select: { measureId: true, reviewedAt: true } }),
    db().committeeComment.groupBy({ by: ["measureId"], where: { measureId: { in: ids }, evaluationYear: overview.year }, _count: { _all: true } }),
  ]);
  const entryOf = new Map(entries.map((e) => [e.measureId, e]));
  const reviewedAt = new Map(reviews.map((r) => [r.measureId, r.reviewedAt]));
  const commentCount = new Map(comments.map((c) => [c.measureId, c._count._all]));
  const items = orderForReview(
    overview.rows.map((row) => ({
      row,
      reasons: attentionReasons(row, entryOf.get(row.id)),
      reviewedAt: reviewedAt.get(row.id) ?? null,
      comments: commentCount.get(row.id) ?? 0,
    })),
  );
  return { forbidden: false as const, overview, items, reviewed: reviews.length };
}

/** How many KPIs each committee member has reviewed, for the planning division. */
export async function getReviewProgress(user: Actor, planId: string, year: number) {
  const plan = await db().plan.findUnique({ where: { id: planId }, select: { organizationId: true, _count: { select: { measures: { where: { kind: "kpi", retiredAt: null } } } } } });
  if (!plan || !can(user, "review.progress", { organizationId: plan.organizationId })) return null;
  const members = await db().membership.findMany({
    where: { organizationId: plan.organizationId, role: "committee" },
    select: { user: { select: { id: true, name: true, reviews: { where: { evaluationYear: year, measure: { planId } }, select: { measureId: true } }, comments: { where: { evaluationYear: year, measure: { planId } }, select: { id: true } } } } },
  });
  return {
    total: plan._count.measures,
    members: members.map((m) => ({ id: m.user.id, name: m.user.name, reviewed: m.user.reviews.length, comments: m.user.comments.length })),
  };
}

/** Comments on a measure for a year, as the user may see them: all for the committee, the planning division
 *  and the owning department; published ones only for everyone else. */
export async function getComments(user: Actor | null, measure: { id: string; organizationId: string; ownerUnitIds: string[] }, year: number) {
  const insider =
    can(user, "comment.create", measure) || can(user, "comment.publish", measure) || can(user, "comment.reply", measure);
  const comments = insider ? await loadComments(measure.id, year, true) : reviveDates(await publishedComments(measure.id, year));
  // only a committee member marks a KPI reviewed (and sees the mark)
  const reviewed = user && can(user, "review.mark", measure) ? await db().committeeReview.findUnique({ where: { userId_measureId_evaluationYear: { userId: user.id, measureId: measure.id, evaluationYear: year } } }) : null;
  return {
    comments,
    insider,
    canComment: can(user, "comment.create", measure),
    canReply: can(user, "comment.reply", measure) || can(user, "comment.publish", measure),
    canPublish: can(user, "comment.publish", measure),
    canMarkReviewed: can(user, "review.mark", measure),
    reviewedAt: reviewed?.reviewedAt ?? null,
  };
}

type LoadedComments = Awaited<ReturnType<typeof loadComments>>;

/** The published comments are the same for every reader: cached (the cache returns dates as strings). */
const publishedComments = cachedData("published-comments", (measureId: string, year: number) => loadComments(measureId, year, false));

function reviveDates(comments: LoadedComments): LoadedComments {
  return comments.map((c) => ({ ...c, createdAt: new Date(c.createdAt), replies: c.replies.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })) }));
}

type CommentRow = { id: string; parentId: string | null; body: string; published: boolean; createdAt: Date; authorName: string };

/** One statement whatever the number of comments: the comments and replies of the year in one list with their authors'
 *  names (a join: Prisma's include sent a second statement for the authors, even for no comments; a KPI page reads this
 *  for every signed-in officer), then threaded here; a reply is kept under a comment that is loaded too. */
async function loadComments(measureId: string, year: number, insider: boolean) {
  const rows = await db().$queryRaw<CommentRow[]>`
    SELECT c.id, c."parentId", c.body, c.published, c."createdAt", u.name AS "authorName"
      FROM "CommitteeComment" c
      JOIN "User" u ON u.id = c."authorId"
      LEFT JOIN "CommitteeComment" p ON p.id = c."parentId"
     WHERE c."measureId" = ${measureId}
       -- a reply is shown under its comment whatever year it was written for
       AND ((c."evaluationYear" = ${year} AND c."parentId" IS NULL) OR (p."evaluationYear" = ${year} AND p."parentId" IS NULL))
       AND (${insider} OR c.published)
     ORDER BY c."createdAt", c.id`;
  const strip = (c: CommentRow) => ({ id: c.id, body: c.body, published: c.published, createdAt: c.createdAt, author: { name: c.authorName } });
  return rows.filter((c) => c.parentId === null).map((c) => ({ ...strip(c), replies: rows.filter((r) => r.parentId === c.id).map(strip) }));
}
