// Committee comments and review marks: who may comment, answer, publish and mark; what the public sees.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { reviewSchema } from "../../lib/review/mutations";
import { getComments } from "../../lib/review/queries";
import { addComment, setCommentPublished, setReviewed } from "../helpers/outcome";
import { setOfficialRating } from "../helpers/outcome";
import { useTestDatabase } from "../helpers/database-per-file";
import { useQueryCounter } from "../helpers/query-counter";

const database = useTestDatabase("seeded");
const queries = useQueryCounter(database); // also points the app's db() at this file's database
const actors: Record<string, Actor> = {};
let measureId = "";

beforeAll(async () => {
  const p = database.prisma;
  const org = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
  const measure = await p.measure.findFirstOrThrow({ where: { number: "16", plan: { slug: "kumamoto-2020" } }, include: { owners: true } });
  measureId = measure.id;
  const ownUnit = measure.owners[0].unitId;
  const otherUnit = (await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path: "土木部" } })).id;
  const make = async (key: string, organizationId: string, role: string, unitIds: string[] = []) => {
    await p.user.create({ data: { id: key, email: `${key}@example.jp`, name: key } });
    actors[key] = { id: key, memberships: [{ organizationId, role, unitIds }] };
  };
  await make("committee", org.id, "committee");
  await make("viewer", org.id, "viewer");
  await make("owner", org.id, "officer", [ownUnit]);
  await make("stranger", org.id, "officer", [otherUnit]);
  await make("admin", org.id, "admin");
  await make("kamaCommittee", kama.id, "committee");
});

const comment = (body: string, parentId?: string) => ({ measureId, evaluationYear: 2023, body, parentId });

describe("committee comments", () => {
  it("only committee members of the organisation comment; the owning department and the admin answer", async () => {
    const p = database.prisma;
    expect((await addComment(p, actors.viewer, comment("閲覧者"))).ok).toBe(false);
    expect((await addComment(p, actors.owner, comment("担当課（返信でない）"))).ok).toBe(false);
    expect((await addComment(p, actors.kamaCommittee, comment("他団体の委員"))).ok).toBe(false);
    expect((await addComment(p, actors.committee, comment("委員のコメント"))).ok).toBe(true);
    const parent = await p.committeeComment.findFirstOrThrow({ where: { body: "委員のコメント" } });
    expect((await addComment(p, actors.stranger, comment("他の課の返信", parent.id))).ok).toBe(false);
    expect((await addComment(p, actors.viewer, comment("閲覧者の返信", parent.id))).ok).toBe(false);
    expect((await addComment(p, actors.owner, comment("担当課の回答", parent.id))).ok).toBe(true);
    expect(await p.committeeComment.count()).toBe(2);
  });

  it("only the planning division publishes; only committee members mark reviewed", async () => {
    const p = database.prisma;
    const c = await p.committeeComment.findFirstOrThrow({ where: { body: "委員のコメント" } });
    for (const who of ["viewer", "owner", "committee", "kamaCommittee"]) {
      expect((await setCommentPublished(p, actors[who], { commentId: c.id, published: true })).ok).toBe(false);
    }
    expect((await setCommentPublished(p, actors.admin, { commentId: c.id, published: true })).ok).toBe(true);
    for (const who of ["viewer", "owner", "admin", "kamaCommittee"]) {
      expect((await setReviewed(p, actors[who], { measureId, evaluationYear: 2023, reviewed: true })).ok).toBe(false);
    }
    expect((await setReviewed(p, actors.committee, { measureId, evaluationYear: 2023, reviewed: true })).ok).toBe(true);
    expect(await p.committeeReview.count()).toBe(1);
    expect(await p.auditLog.count({ where: { entityType: { in: ["CommitteeComment", "CommitteeReview"] } } })).toBe(4);
  });
});

describe("the comments a KPI page shows", () => {
  it("insiders get every comment with its replies and authors; the public only the published; another year none", async () => {
    const resource = { id: measureId, organizationId: actors.admin.memberships[0].organizationId, ownerUnitIds: actors.owner.memberships[0].unitIds as string[] };
    // after the tests above: the committee's comment is published, the department's answer is not
    const insider = await getComments(actors.committee, resource, 2023);
    expect(insider.insider).toBe(true);
    expect(insider.comments.map((c) => [c.body, c.author.name, c.published, c.replies.map((r) => [r.body, r.author.name, r.published])])).toEqual([
      ["委員のコメント", "committee", true, [["担当課の回答", "owner", false]]],
    ]);
    expect(insider.comments[0].createdAt).toBeInstanceOf(Date);
    const reader = await getComments(null, resource, 2023);
    expect(reader.insider).toBe(false);
    expect(reader.comments.map((c) => [c.body, c.replies.length])).toEqual([["委員のコメント", 0]]);
    expect((await getComments(actors.committee, resource, 2022)).comments).toEqual([]);
    // one statement for the comments with their authors (the committee member's review mark is one more)
    expect(await queries(() => getComments(actors.owner, resource, 2023))).toBe(1);
  });
});

describe("years outside the plan", () => {
  it("a review mark, a comment and an official rating for a year the plan does not evaluate are refused beside the field, nothing stored", async () => {
    const p = database.prisma;
    const before = await p.auditLog.count();
    for (const year of [1999, 2018, 2025, 2100]) {
      expect(await setReviewed(p, actors.committee, { measureId, evaluationYear: year, reviewed: true })).toMatchObject({ ok: false, fieldErrors: { evaluationYear: expect.any(String) } });
      expect(await addComment(p, actors.committee, { ...comment("年度外"), evaluationYear: year })).toMatchObject({ ok: false, fieldErrors: { evaluationYear: expect.any(String) } });
      expect(await setOfficialRating(p, actors.admin, { measureId, evaluationYear: year, rating: "達成" })).toMatchObject({ ok: false, fieldErrors: { evaluationYear: expect.any(String) } });
    }
    expect(reviewSchema.safeParse({ measureId, evaluationYear: "2147483648", reviewed: "true" }).success).toBe(false);
    expect(await p.auditLog.count()).toBe(before);
  });
});
