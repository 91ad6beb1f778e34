// Every role × action × ownership combination against the real mutations: the allowed ones succeed, every
// forbidden one is refused and changes nothing (no row, no audit record).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { approveSheetEntry, returnSheetEntry, saveSheetEntry } from "../helpers/outcome";
import { setOfficialRating } from "../helpers/outcome";
import { setEvaluationYear } from "../../lib/evaluation/year-mutations";
import { runAction } from "../../lib/actions/action";
import { evaluationYearSchema } from "../../lib/evaluation/year-schemas";
import { resetPassword, setMembership, setUserDisabled } from "../helpers/outcome";
import { inviteSchema, inviteUser } from "../../lib/users/invitations";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");

type World = {
  kumamoto: string;
  kama: string;
  planId: string;
  own: { measureId: string; seriesId: string }; // owned by 商工労働部 (No 15)
  other: { measureId: string; seriesId: string }; // owned by 健康福祉部 (No 1)
  kamaMeasure: string;
  shokoUnit: string;
  actors: Record<string, Actor>;
  victimUserId: string;
};
const w = {} as World;

beforeAll(async () => {
  const p = database.prisma;
  const kumamoto = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020" } });
  await p.evaluationYear.create({ data: { planId: plan.id, fiscalYear: 2023, status: "open" } });
  const measure = async (no: string) => {
    const m = await p.measure.findFirstOrThrow({ where: { planId: plan.id, number: no }, include: { series: true } });
    return { measureId: m.id, seriesId: m.series[0].id };
  };
  const shoko = await p.orgUnit.findFirstOrThrow({ where: { organizationId: kumamoto.id, path: "商工労働部" }, include: { children: true } });
  const victim = await p.user.create({ data: { email: "victim@example.jp", name: "対象者", memberships: { create: { organizationId: kumamoto.id, role: "viewer" } } } });
  const member = (organizationId: string, role: string, unitIds: string[] = []) => ({ id: `actor-${role}-${organizationId}`, memberships: [{ organizationId, role, unitIds }] });
  Object.assign(w, {
    kumamoto: kumamoto.id,
    kama: kama.id,
    planId: plan.id,
    own: await measure("15"),
    other: await measure("1"),
    kamaMeasure: (await p.measure.findFirstOrThrow({ where: { plan: { slug: "kama-2020" } } })).id,
    shokoUnit: shoko.id,
    victimUserId: victim.id,
    actors: {
      anonymous: { id: "nobody", memberships: [] },
      viewer: member(kumamoto.id, "viewer"),
      officer: member(kumamoto.id, "officer", [shoko.id, ...shoko.children.map((c) => c.id)]),
      committee: member(kumamoto.id, "committee"),
      admin: member(kumamoto.id, "admin"),
      otherOrgAdmin: member(kama.id, "admin"),
      unknownRole: member(kumamoto.id, "superuser"),
    },
  });
  // the actors exist as users so that audit rows can reference them
  for (const a of Object.values(w.actors)) await p.user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id } });
});

const sheet = (measureId: string, seriesId: string, version = 1) => ({
  measureId,
  evaluationYear: 2023,
  version,
  effortStatus: "テスト",
  issues: null,
  direction: null,
  values: { [seriesId]: "123" },
});

async function auditCount() {
  return database.prisma.auditLog.count();
}

/** Each action run by an actor: true when it succeeded. */
const ACTIONS: Record<string, (a: Actor) => Promise<boolean>> = {
  "save own unit's sheet": async (a) => (await saveSheetEntry(database.prisma, a, sheet(w.own.measureId, w.own.seriesId, await version(w.own.measureId)), "draft")).ok,
  "save another unit's sheet": async (a) => (await saveSheetEntry(database.prisma, a, sheet(w.other.measureId, w.other.seriesId, await version(w.other.measureId)), "draft")).ok,
  "submit another unit's sheet": async (a) => (await saveSheetEntry(database.prisma, a, sheet(w.other.measureId, w.other.seriesId, await version(w.other.measureId)), "submit")).ok,
  "approve a sheet": async (a) => (await approveSheetEntry(database.prisma, a, { measureId: w.other.measureId, evaluationYear: 2023, version: await version(w.other.measureId) })).ok,
  "return a sheet": async (a) => (await returnSheetEntry(database.prisma, a, { measureId: w.other.measureId, evaluationYear: 2023, version: await version(w.other.measureId), reason: "理由" })).ok,
  "set an official rating": async (a) => (await setOfficialRating(database.prisma, a, { measureId: w.other.measureId, evaluationYear: 2023, rating: "達成", reason: "権限の確認" })).ok,
  "set a rating of a 嘉麻市 KPI": async (a) => (await setOfficialRating(database.prisma, a, { measureId: w.kamaMeasure, evaluationYear: 2024, rating: "×", reason: "事業の実施状況を踏まえた評価" })).ok,
  "open an evaluation year": async (a) =>
    (await runAction(a, { planId: w.planId, fiscalYear: "2022", status: "open" }, { name: "test", schema: evaluationYearSchema, run: (actor, i) => setEvaluationYear(database.prisma, actor, i), publishes: false, message: "" })).status === "ok",
  "invite a user": async (a) => (await runAction(a, { organizationId: w.kumamoto, email: `new-${Math.random()}@example.jp`, name: "新規", role: "viewer" }, { name: "test", schema: inviteSchema, run: (actor, i) => inviteUser(database.prisma, actor, i), publishes: false, message: "" })).status === "ok",
  "change a user's role": async (a) => (await setMembership(database.prisma, a, { organizationId: w.kumamoto, userId: w.victimUserId, role: "viewer", unitIds: [] })).ok,
  "disable a user": async (a) => (await setUserDisabled(database.prisma, a, { organizationId: w.kumamoto, userId: w.victimUserId, disabled: false })).ok,
  "reset a password": async (a) => (await resetPassword(database.prisma, a, { organizationId: w.kumamoto, userId: w.victimUserId, password: "another-long-password" })).ok,
};

async function version(measureId: string) {
  const e = await database.prisma.sheetEntry.findUnique({ where: { measureId_evaluationYear: { measureId, evaluationYear: 2023 } } });
  return e?.version ?? 0;
}

/** Who may: everything else must be refused. */
const ALLOWED: Record<string, string[]> = {
  "save own unit's sheet": ["officer"],
  "save another unit's sheet": [],
  "submit another unit's sheet": [],
  "approve a sheet": [], // nothing is submitted at this point: tested in the workflow below
  "return a sheet": [],
  "set an official rating": ["admin"],
  "set a rating of a 嘉麻市 KPI": ["otherOrgAdmin"], // 嘉麻市's own admin only
  "open an evaluation year": ["admin"],
  "invite a user": ["admin"],
  "change a user's role": ["admin"],
  "disable a user": ["admin"],
  "reset a password": ["admin"],
};

describe("role × action × ownership", () => {
  for (const [action, run] of Object.entries(ACTIONS)) {
    for (const role of ["anonymous", "viewer", "officer", "committee", "admin", "otherOrgAdmin", "unknownRole"]) {
      const allowed = ALLOWED[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, async () => {
        const before = await auditCount();
        const ok = await run(w.actors[role]);
        expect(ok).toBe(allowed);
        expect(await auditCount()).toBe(allowed ? before + 1 : before);
      });
    }
  }
});

describe("sessions end when the account changes", () => {
  it("a password reset, disabling and a role change each bump the user's session version (older session cookies stop working)", async () => {
    const p = database.prisma;
    const version = async () => (await p.user.findUniqueOrThrow({ where: { id: w.victimUserId } })).sessionVersion;
    const start = await version();
    expect((await resetPassword(p, w.actors.admin, { organizationId: w.kumamoto, userId: w.victimUserId, password: "a-new-long-password" })).ok).toBe(true);
    expect(await version()).toBe(start + 1);
    expect((await setUserDisabled(p, w.actors.admin, { organizationId: w.kumamoto, userId: w.victimUserId, disabled: true })).ok).toBe(true);
    expect((await setUserDisabled(p, w.actors.admin, { organizationId: w.kumamoto, userId: w.victimUserId, disabled: false })).ok).toBe(true);
    expect(await version()).toBe(start + 3);
    expect((await setMembership(p, w.actors.admin, { organizationId: w.kumamoto, userId: w.victimUserId, role: "viewer", unitIds: [] })).ok).toBe(true);
    expect(await version()).toBe(start + 4);
    // a refused change bumps nothing
    expect((await resetPassword(p, w.actors.otherOrgAdmin, { organizationId: w.kumamoto, userId: w.victimUserId, password: "another-long-password" })).ok).toBe(false);
    expect(await version()).toBe(start + 4);
  });
});

describe("user management stays inside the organisation", () => {
  it("an admin cannot pull another organisation's user into their own by id, as admin or otherwise", async () => {
    const p = database.prisma;
    const before = await auditCount();
    for (const role of ["admin", "viewer"] as const) {
      const r = await setMembership(p, w.actors.otherOrgAdmin, { organizationId: w.kama, userId: w.victimUserId, role, unitIds: [] });
      expect(r.ok).toBe(false);
    }
    expect(await p.membership.count({ where: { userId: w.victimUserId, organizationId: w.kama } })).toBe(0);
    expect(await auditCount()).toBe(before);
  });
});

describe("the approval workflow", () => {
  it("only an admin of the organisation approves a submitted sheet; the values become actuals", async () => {
    const p = database.prisma;
    const submitted = await saveSheetEntry(p, w.actors.officer, sheet(w.own.measureId, w.own.seriesId, await version(w.own.measureId)), "submit");
    expect(submitted.ok).toBe(true);
    for (const role of ["anonymous", "viewer", "officer", "committee", "otherOrgAdmin", "unknownRole"]) {
      expect((await approveSheetEntry(p, w.actors[role], { measureId: w.own.measureId, evaluationYear: 2023, version: await version(w.own.measureId) })).ok).toBe(false);
      expect((await returnSheetEntry(p, w.actors[role], { measureId: w.own.measureId, evaluationYear: 2023, version: await version(w.own.measureId), reason: "x" })).ok).toBe(false);
    }
    // while submitted, the officer cannot change it
    expect((await saveSheetEntry(p, w.actors.officer, sheet(w.own.measureId, w.own.seriesId, await version(w.own.measureId)), "draft")).ok).toBe(false);
    const approved = await approveSheetEntry(p, w.actors.admin, { measureId: w.own.measureId, evaluationYear: 2023, version: await version(w.own.measureId) });
    expect(approved.ok).toBe(true);
    const actual = await p.seriesValue.findUniqueOrThrow({ where: { seriesId_kind_fiscalYear: { seriesId: w.own.seriesId, kind: "actual", fiscalYear: 2023 } } });
    expect(actual.value?.toString()).toBe("123");
    const entry = await p.sheetEntry.findUniqueOrThrow({ where: { measureId_evaluationYear: { measureId: w.own.measureId, evaluationYear: 2023 } } });
    expect(entry.publishedEffortStatus).toBe("テスト");
    expect(entry.state).toBe("published");
  });

  it("refuses a save based on a stale version and keeps the other save", async () => {
    const p = database.prisma;
    const v = await version(w.own.measureId);
    expect((await saveSheetEntry(p, w.actors.officer, { ...sheet(w.own.measureId, w.own.seriesId, v), effortStatus: "先に保存" }, "draft")).ok).toBe(true);
    const second = await saveSheetEntry(p, w.actors.officer, { ...sheet(w.own.measureId, w.own.seriesId, v), effortStatus: "後から保存" }, "draft");
    expect(second.ok).toBe(false);
    expect(second.ok === false && second.kind).toBe("conflict");
    if (!second.ok && second.kind === "conflict") expect(second.current.effortStatus).toBe("先に保存");
    const entry = await p.sheetEntry.findUniqueOrThrow({ where: { measureId_evaluationYear: { measureId: w.own.measureId, evaluationYear: 2023 } } });
    expect(entry.effortStatus).toBe("先に保存");
  });

  it("refuses a closed evaluation year and invalid values, saving nothing", async () => {
    const p = database.prisma;
    const v = await version(w.own.measureId);
    const closed = await saveSheetEntry(p, w.actors.officer, { ...sheet(w.own.measureId, w.own.seriesId, 0), evaluationYear: 2021 }, "draft");
    expect(closed.ok === false && closed.kind).toBe("closed");
    const invalid = await saveSheetEntry(p, w.actors.officer, { ...sheet(w.own.measureId, w.own.seriesId, v), values: { [w.own.seriesId]: "たくさん" } }, "draft");
    expect(invalid.ok === false && invalid.kind).toBe("invalid");
    expect(await version(w.own.measureId)).toBe(v);
  });
});
