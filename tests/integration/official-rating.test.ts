// The official rating on the plan's own scale: a choice, not free text; a reason required when it differs from
// the computed status; refused for other organisations and roles, nothing written; every change audited.
import { beforeAll, describe, expect, it } from "vitest";
import { runAction } from "../../lib/actions/action";
import type { Actor } from "../../lib/authz/permissions";
import { officialRatingSchema, setOfficialRating } from "../../lib/evaluation/official-rating";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const p = () => database.prisma;
const w = { measureId: "", planId: "", admin: null as unknown as Actor, officer: null as unknown as Actor, committee: null as unknown as Actor, otherAdmin: null as unknown as Actor };

beforeAll(async () => {
  const kumamoto = await p().organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p().organization.findUniqueOrThrow({ where: { code: "402273" } });
  const plan = await p().plan.findFirstOrThrow({ where: { organizationId: kumamoto.id, slug: "kumamoto-2020" } });
  w.planId = plan.id;
  // No 5 (土砂災害特別警戒区域からの住宅移転数): 101 moves by R5 against a target of 65 — 達成 in R5
  w.measureId = (await p().measure.findFirstOrThrow({ where: { planId: plan.id, number: "5" } })).id;
  const member = (id: string, organizationId: string, role: string): Actor => ({ id, memberships: [{ organizationId, role, unitIds: [] }] });
  w.admin = member("or-admin", kumamoto.id, "admin");
  w.officer = member("or-officer", kumamoto.id, "officer");
  w.committee = member("or-committee", kumamoto.id, "committee");
  w.otherAdmin = member("or-other-admin", kama.id, "admin");
  for (const a of [w.admin, w.officer, w.committee, w.otherAdmin]) await p().user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id } });
});

const rate = (actor: Actor, fields: Record<string, string>) =>
  runAction(actor, { measureId: w.measureId, evaluationYear: "2023", ...fields }, { name: "rating.set", schema: officialRatingSchema, run: (u, i) => setOfficialRating(p(), u, i), publishes: false, message: "ok" });
const stored = () => p().officialRating.findUnique({ where: { measureId_evaluationYear: { measureId: w.measureId, evaluationYear: 2023 } } });
const audits = () => p().auditLog.count({ where: { action: "rating.set" } });

describe("official rating", () => {
  it("accepts a mark of the plan's scale that agrees with the computed status, without a reason", async () => {
    const r = await rate(w.admin, { rating: "達成", reason: "" });
    expect(r).toMatchObject({ status: "ok", data: { rating: "達成", differs: false } });
    expect(await stored()).toMatchObject({ rating: "達成", reason: null, source: "manual", setById: w.admin.id });
  });

  it("refuses free text beside the field, and writes nothing", async () => {
    const before = await audits();
    const r = await rate(w.admin, { rating: "とても良い" });
    expect(r).toMatchObject({ status: "error", code: "invalid", fieldErrors: { rating: "この計画の評価は 達成・概ね順調・遅れ・悪化・未達成 から選んでください" } });
    expect(await audits()).toBe(before);
    expect((await stored())?.rating).toBe("達成");
  });

  it("requires a reason for a rating that differs from the computed one, then stores it", async () => {
    const refused = await rate(w.admin, { rating: "概ね順調", reason: "  " });
    expect(refused).toMatchObject({ status: "error", fieldErrors: { reason: "算出した判定（達成）と異なる評価にするときは、理由を入力してください" } });
    expect((await stored())?.rating).toBe("達成");
    const before = await audits();
    const ok = await rate(w.admin, { rating: "概ね順調", reason: "移転の多くが災害後の一時的な需要によるため" });
    expect(ok).toMatchObject({ status: "ok", data: { differs: true } });
    expect(await stored()).toMatchObject({ rating: "概ね順調", reason: "移転の多くが災害後の一時的な需要によるため" });
    expect(await audits()).toBe(before + 1);
  });

  it("follows the plan's rule: under S/A/B/C only S, A, B, C (and 未達成) are offered, full-width letters read as the mark", async () => {
    await p().plan.update({ where: { id: w.planId }, data: { progressRule: "grades" } });
    try {
      expect(await rate(w.admin, { rating: "達成" })).toMatchObject({ status: "error", fieldErrors: { rating: "この計画の評価は S・A・B・C・未達成 から選んでください" } });
      expect(await rate(w.admin, { rating: "Ｓ" })).toMatchObject({ status: "ok", data: { rating: "S", differs: false } });
      expect(await stored()).toMatchObject({ rating: "S", reason: null });
      expect(await rate(w.admin, { rating: "A" })).toMatchObject({ status: "error", fieldErrors: { reason: expect.stringContaining("（S）") } });
    } finally {
      await p().plan.update({ where: { id: w.planId }, data: { progressRule: "default" } });
    }
  });

  it("refuses years outside the plan", async () => {
    expect(await rate(w.admin, { rating: "達成", evaluationYear: "2030" })).toMatchObject({ status: "error", fieldErrors: { evaluationYear: "計画期間内の年度を選んでください" } });
  });

  it.each([
    ["an officer", () => w.officer, "forbidden"],
    ["a committee member", () => w.committee, "forbidden"],
    ["another organisation's admin", () => w.otherAdmin, "not_found"],
  ])("refuses %s and writes nothing", async (_name, actor, code) => {
    const before = await audits();
    const was = await stored();
    expect(await rate(actor(), { rating: "悪化", reason: "x" })).toMatchObject({ status: "error", code });
    expect(await audits()).toBe(before);
    expect(await stored()).toEqual(was);
  });
});
