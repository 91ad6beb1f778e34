// Committee comments and review marks: who may comment, answer, publish and mark; what the public sees.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { reviewSchema } from "../../lib/review/mutations";
import { addComment, setCommentPublished, setReviewed } from "../helpers/outcome";
import { setOfficialRating } from "../helpers/outcome";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
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
