// Organisations (operators), units and plans set-up against a real database: each mutation succeeds for the
// role that may do it, and every other role (viewer, officer, committee, another organisation's admin,
// anonymous, a non-operator) is refused with nothing written — no row and no audit record.
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "../../lib/authz/permissions";
import { runAction } from "../../lib/actions/action";
import { verifyPassword } from "../../lib/auth/passwords";
import { CLI_OPERATOR, createOrganization, createOrganizationSchema } from "../../lib/organizations/mutations";
import { addUnit, addUnitSchema, moveUnit, moveUnitSchema, renameUnit, renameUnitSchema, retireUnitSchema, setUnitRetired } from "../../lib/units/mutations";
import { createPlan, createPlanSchema, planStatusSchema, setPlanStatus, updatePlan, updatePlanSchema } from "../../lib/plans/setup";
import { addSection, addSectionSchema, deleteSection, deleteSectionSchema, moveSection, moveSectionSchema, updateSection, updateSectionSchema } from "../../lib/plans/sections";
import { nextPeriodSchema, startNextPeriod } from "../../lib/plans/next-period";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const p = () => database.prisma;

type W = { kumamoto: string; kama: string; plan2020: string; plan2024: string; shoko: string; actors: Record<string, Actor> };
const w = {} as W;

beforeAll(async () => {
  const kumamoto = await p().organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p().organization.findUniqueOrThrow({ where: { code: "402273" } });
  const shoko = await p().orgUnit.findFirstOrThrow({ where: { organizationId: kumamoto.id, path: "商工労働部" }, include: { children: true } });
  const member = (organizationId: string, role: string, unitIds: string[] = []): Actor => ({ id: `actor-${role}-${organizationId}`, memberships: [{ organizationId, role, unitIds }] });
  Object.assign(w, {
    kumamoto: kumamoto.id,
    kama: kama.id,
    plan2020: (await p().plan.findFirstOrThrow({ where: { slug: "kumamoto-2020" } })).id,
    plan2024: (await p().plan.findFirstOrThrow({ where: { slug: "kumamoto-2024" } })).id,
    shoko: shoko.id,
    actors: {
      viewer: member(kumamoto.id, "viewer"),
      officer: member(kumamoto.id, "officer", [shoko.id, ...shoko.children.map((c) => c.id)]),
      committee: member(kumamoto.id, "committee"),
      otherOrgAdmin: member(kama.id, "admin"),
      admin: member(kumamoto.id, "admin"),
      operator: { id: "actor-operator", memberships: [], isOperator: true },
    },
  });
  for (const a of Object.values(w.actors)) await p().user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id, isOperator: a.isOperator ?? false } });
});

const counts = async () => ({ audit: await p().auditLog.count(), orgs: await p().organization.count(), users: await p().user.count(), units: await p().orgUnit.count(), plans: await p().plan.count(), sections: await p().planSection.count(), measures: await p().measure.count() });

/** Runs a definition for every refused actor (and anonymous) and checks the answer and that nothing was written. */
async function expectRefusedFor<S extends z.ZodTypeAny>(names: string[], schema: S, run: (a: Actor, i: z.output<S>) => Promise<unknown>, input: unknown) {
  const before = await counts();
  const anon = await runAction(null, input, { name: "t", schema, run, publishes: false, message: "" });
  expect(anon).toMatchObject({ status: "error", code: "unauthenticated" });
  for (const n of names) {
    const r = await runAction(w.actors[n], input, { name: "t", schema, run, publishes: false, message: "" });
    expect(r.status, n).toBe("error");
    expect(["forbidden", "not_found"], n).toContain((r as { code: string }).code);
  }
  expect(await counts()).toEqual(before);
}
const act = <S extends z.ZodTypeAny, T>(actor: Actor, schema: S, run: (a: Actor, i: z.output<S>) => Promise<T>, input: unknown) =>
  runAction(actor, input, { name: "t", schema, run, publishes: false, message: "ok" });
const NOT_OPERATORS = ["viewer", "officer", "committee", "otherOrgAdmin", "admin"];
const NOT_ADMINS = ["viewer", "officer", "committee", "otherOrgAdmin", "operator"];

describe("organisations (operators)", () => {
  const create = (a: Actor, i: z.output<typeof createOrganizationSchema>) => createOrganization(p(), a, i);
  const iizuka = { code: "402052", name: "飯塚市", kind: "municipality", adminEmail: "Admin@Iizuka.example.jp", adminName: "飯塚 花子" };

  it("is refused to everyone but an operator, with nothing written", async () => {
    await expectRefusedFor(NOT_OPERATORS, createOrganizationSchema, create, iizuka);
  });

  it("checks the code's check digit and its kind", async () => {
    const before = await counts();
    expect(await act(w.actors.operator, createOrganizationSchema, create, { ...iizuka, code: "402053" })).toMatchObject({ status: "error", code: "invalid", fieldErrors: { code: expect.stringContaining("検査数字") } });
    expect(await act(w.actors.operator, createOrganizationSchema, create, { ...iizuka, kind: "prefecture" })).toMatchObject({ status: "error", fieldErrors: { kind: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("creates the organisation and its first admin, with a one-time initial password stored only as a hash", async () => {
    const r = await act(w.actors.operator, createOrganizationSchema, create, iizuka);
    expect(r.status).toBe("ok");
    const d = (r as { data: { organizationId: string; initialPassword: string } }).data;
    const org = await p().organization.findUniqueOrThrow({ where: { code: "402052" } });
    expect(org).toMatchObject({ name: "飯塚市", kind: "municipality", prefectureCode: "400009" });
    const admin = await p().user.findUniqueOrThrow({ where: { email: "admin@iizuka.example.jp" }, include: { memberships: true } });
    expect(admin.memberships).toMatchObject([{ organizationId: org.id, role: "admin" }]);
    expect(admin.passwordHash).not.toContain(d.initialPassword);
    expect(await verifyPassword(admin.passwordHash, d.initialPassword)).toBe(true);
    const audit = await p().auditLog.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.userId, a.channel])).toEqual([["organization.create", "actor-operator", "form"], ["user.create", "actor-operator", "form"]]);
    expect(JSON.stringify(audit)).not.toContain(d.initialPassword);
  });

  it("refuses a taken code, and a taken e-mail without saying whose it is", async () => {
    const before = await counts();
    const again = await act(w.actors.operator, createOrganizationSchema, create, { ...iizuka, adminEmail: "new@iizuka.example.jp" });
    expect(again).toMatchObject({ status: "error", fieldErrors: { code: expect.stringContaining("登録済み") } });
    const taken = await act(w.actors.operator, createOrganizationSchema, create, { code: "131016", name: "千代田区", kind: "municipality", adminEmail: "actor-admin-" + w.kumamoto + "@example.jp" });
    expect(taken).toMatchObject({ status: "error", fieldErrors: { adminEmail: "このメールアドレスは登録済みです" } });
    expect(JSON.stringify(taken)).not.toContain("熊本");
    expect(await counts()).toEqual(before);
  });

  it("works from the CLI as an operator without a user: audited with channel cli and no user", async () => {
    const r = await act(CLI_OPERATOR, createOrganizationSchema, create, { code: "400009", name: "福岡県", kind: "prefecture", adminEmail: "admin@fukuoka.example.jp" });
    expect(r.status).toBe("ok");
    const org = await p().organization.findUniqueOrThrow({ where: { code: "400009" } });
    expect(org.prefectureCode).toBeNull();
    const audit = await p().auditLog.findFirstOrThrow({ where: { organizationId: org.id, action: "organization.create" } });
    expect(audit).toMatchObject({ userId: null, channel: "cli" });
  });
});

describe("units (部・課)", () => {
  it("adds a 部 and a 課 under it, refused to everyone but the organisation's admin", async () => {
    const add = (a: Actor, i: z.output<typeof addUnitSchema>) => addUnit(p(), a, i);
    await expectRefusedFor(NOT_ADMINS, addUnitSchema, add, { organizationId: w.kumamoto, name: "デジタル戦略局" });
    const dept = await act(w.actors.admin, addUnitSchema, add, { organizationId: w.kumamoto, name: "デジタル戦略局" });
    expect(dept.status).toBe("ok");
    const deptId = (dept as { data: { id: string } }).data.id;
    const div = await act(w.actors.admin, addUnitSchema, add, { organizationId: w.kumamoto, name: "データ推進課", parentId: deptId });
    expect(div).toMatchObject({ status: "ok", data: { path: "デジタル戦略局 / データ推進課" } });
    expect(await p().orgUnit.findFirstOrThrow({ where: { path: "デジタル戦略局 / データ推進課" } })).toMatchObject({ kind: "課", parentId: deptId });
    // the same path twice, a 課 under a 課, a "/" in a name
    const before = await counts();
    expect(await act(w.actors.admin, addUnitSchema, add, { organizationId: w.kumamoto, name: "データ推進課", parentId: deptId })).toMatchObject({ status: "error", fieldErrors: { name: expect.stringContaining("すでにあります") } });
    const divId = (div as { data: { id: string } }).data.id;
    expect(await act(w.actors.admin, addUnitSchema, add, { organizationId: w.kumamoto, name: "係", parentId: divId })).toMatchObject({ status: "error", fieldErrors: { parentId: expect.any(String) } });
    expect(await act(w.actors.admin, addUnitSchema, add, { organizationId: w.kumamoto, name: "a/b" })).toMatchObject({ status: "error", fieldErrors: { name: expect.any(String) } });
    // another organisation's 部 as the parent
    const kamaUnit = await p().orgUnit.findFirstOrThrow({ where: { organizationId: w.kama, parentId: null } });
    expect(await act(w.actors.admin, addUnitSchema, add, { organizationId: w.kumamoto, name: "X課", parentId: kamaUnit.id })).toMatchObject({ status: "error", fieldErrors: { parentId: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("renames a 部: its 課' paths follow, and every KPI keeps its owners", async () => {
    const rename = (a: Actor, i: z.output<typeof renameUnitSchema>) => renameUnit(p(), a, i);
    const ownersBefore = await p().measureOwner.findMany({ where: { unit: { OR: [{ id: w.shoko }, { parentId: w.shoko }] } }, orderBy: [{ measureId: "asc" }, { unitId: "asc" }] });
    expect(ownersBefore.length).toBeGreaterThan(0);
    await expectRefusedFor(NOT_ADMINS, renameUnitSchema, rename, { organizationId: w.kumamoto, unitId: w.shoko, name: "産業振興部" });
    // another organisation's admin naming this organisation gets not_found/forbidden too
    expect(await act(w.actors.otherOrgAdmin, renameUnitSchema, rename, { organizationId: w.kama, unitId: w.shoko, name: "産業振興部" })).toMatchObject({ status: "error", code: "not_found" });
    const r = await act(w.actors.admin, renameUnitSchema, rename, { organizationId: w.kumamoto, unitId: w.shoko, name: "産業振興部" });
    expect(r).toMatchObject({ status: "ok", data: { path: "産業振興部", changed: true } });
    const children = await p().orgUnit.findMany({ where: { parentId: w.shoko } });
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) expect(c.path).toBe(`産業振興部 / ${c.name}`);
    const ownersAfter = await p().measureOwner.findMany({ where: { unit: { OR: [{ id: w.shoko }, { parentId: w.shoko }] } }, orderBy: [{ measureId: "asc" }, { unitId: "asc" }] });
    expect(ownersAfter).toEqual(ownersBefore);
    expect(await p().auditLog.count({ where: { action: "unit.rename", entityId: w.shoko } })).toBe(1);
    // a rename onto an existing 部 is refused
    const before = await counts();
    expect(await act(w.actors.admin, renameUnitSchema, rename, { organizationId: w.kumamoto, unitId: w.shoko, name: "デジタル戦略局" })).toMatchObject({ status: "error", fieldErrors: { name: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("moves a 課 under another 部 and to the top; a 部 with 課 stays at the top", async () => {
    const move = (a: Actor, i: z.output<typeof moveUnitSchema>) => moveUnit(p(), a, i);
    const div = await p().orgUnit.findFirstOrThrow({ where: { path: "デジタル戦略局 / データ推進課" } });
    await expectRefusedFor(NOT_ADMINS, moveUnitSchema, move, { organizationId: w.kumamoto, unitId: div.id, parentId: w.shoko });
    expect(await act(w.actors.admin, moveUnitSchema, move, { organizationId: w.kumamoto, unitId: div.id, parentId: w.shoko })).toMatchObject({ status: "ok", data: { path: "産業振興部 / データ推進課" } });
    expect(await act(w.actors.admin, moveUnitSchema, move, { organizationId: w.kumamoto, unitId: div.id, parentId: "" })).toMatchObject({ status: "ok", data: { path: "データ推進課" } });
    const before = await counts();
    const other = await p().orgUnit.findFirstOrThrow({ where: { path: "デジタル戦略局" } });
    expect(await act(w.actors.admin, moveUnitSchema, move, { organizationId: w.kumamoto, unitId: w.shoko, parentId: other.id })).toMatchObject({ status: "error", fieldErrors: { parentId: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("retires a 部 with its 課 and restores them; a retired unit keeps its owners", async () => {
    const retire = (a: Actor, i: z.output<typeof retireUnitSchema>) => setUnitRetired(p(), a, i);
    await expectRefusedFor(NOT_ADMINS, retireUnitSchema, retire, { organizationId: w.kumamoto, unitId: w.shoko, retired: "true" });
    const owners = await p().measureOwner.count({ where: { unit: { OR: [{ id: w.shoko }, { parentId: w.shoko }] } } });
    expect(await act(w.actors.admin, retireUnitSchema, retire, { organizationId: w.kumamoto, unitId: w.shoko, retired: "true" })).toMatchObject({ status: "ok" });
    expect(await p().orgUnit.count({ where: { OR: [{ id: w.shoko }, { parentId: w.shoko }], retiredAt: null } })).toBe(0);
    expect(await p().measureOwner.count({ where: { unit: { OR: [{ id: w.shoko }, { parentId: w.shoko }] } } })).toBe(owners);
    const child = await p().orgUnit.findFirstOrThrow({ where: { parentId: w.shoko } });
    expect(await act(w.actors.admin, retireUnitSchema, retire, { organizationId: w.kumamoto, unitId: child.id, retired: "false" })).toMatchObject({ status: "error", code: "state" });
    expect(await act(w.actors.admin, retireUnitSchema, retire, { organizationId: w.kumamoto, unitId: w.shoko, retired: "false" })).toMatchObject({ status: "ok" });
    expect(await p().orgUnit.count({ where: { OR: [{ id: w.shoko }, { parentId: w.shoko }], retiredAt: { not: null } } })).toBe(0);
  });
});

describe("plans", () => {
  let planId = "";
  it("creates a plan (準備中 by default), refused to everyone but the organisation's admin", async () => {
    const create = (a: Actor, i: z.output<typeof createPlanSchema>) => createPlan(p(), a, i);
    const input = { organizationId: w.kumamoto, slug: "kumamoto-2028", name: "次の戦略", startYear: "2028", endYear: "2031", progressRule: "default" };
    await expectRefusedFor(NOT_ADMINS, createPlanSchema, create, input);
    const r = await act(w.actors.admin, createPlanSchema, create, input);
    expect(r.status).toBe("ok");
    planId = (r as { data: { id: string } }).data.id;
    expect(await p().plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "preparing", startYear: 2028, endYear: 2031 });
    const before = await counts();
    expect(await act(w.actors.admin, createPlanSchema, create, input)).toMatchObject({ status: "error", fieldErrors: { slug: expect.stringContaining("すでにあります") } });
    expect(await act(w.actors.admin, createPlanSchema, create, { ...input, slug: "Bad Slug" })).toMatchObject({ status: "error", fieldErrors: { slug: expect.any(String) } });
    expect(await act(w.actors.admin, createPlanSchema, create, { ...input, slug: "x", endYear: "2027" })).toMatchObject({ status: "error", fieldErrors: { endYear: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("edits the plan's settings; refuses narrowing the span over years with actuals", async () => {
    const update = (a: Actor, i: z.output<typeof updatePlanSchema>) => updatePlan(p(), a, i);
    const input = { planId, name: "くまもと次期戦略", startYear: "2028", endYear: "2032", progressRule: "kama", description: "説明" };
    await expectRefusedFor(NOT_ADMINS, updatePlanSchema, update, input);
    expect(await act(w.actors.admin, updatePlanSchema, update, input)).toMatchObject({ status: "ok", data: { changed: true } });
    expect(await p().plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ name: "くまもと次期戦略", endYear: 2032, progressRule: "kama", description: "説明", printFormName: null });
    // the printed form name is the plan's own setting: set, kept when unchanged, cleared by an empty field
    expect(await act(w.actors.admin, updatePlanSchema, update, { ...input, printFormName: " ＜別記様式１＞ " })).toMatchObject({ status: "ok", data: { changed: true } });
    expect(await p().plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ printFormName: "＜別記様式１＞" });
    expect(await act(w.actors.admin, updatePlanSchema, update, { ...input, printFormName: "＜別記様式１＞" })).toMatchObject({ status: "ok", data: { changed: false } });
    expect(await act(w.actors.admin, updatePlanSchema, update, { ...input, printFormName: "" })).toMatchObject({ status: "ok", data: { changed: true } });
    expect(await p().plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ printFormName: null });
    const before = await counts();
    const old = await p().plan.findUniqueOrThrow({ where: { id: w.plan2020 } });
    expect(await act(w.actors.admin, updatePlanSchema, update, { planId: w.plan2020, name: old.name, startYear: "2020", endYear: "2021", progressRule: "default" })).toMatchObject({ status: "error", fieldErrors: { endYear: expect.stringContaining("実績値") } });
    expect(await counts()).toEqual(before);
  });

  it("moves through 準備中 → 運用中 → 終了, back to 運用中 only with a reason", async () => {
    const status = (a: Actor, i: z.output<typeof planStatusSchema>) => setPlanStatus(p(), a, i);
    await expectRefusedFor(NOT_ADMINS, planStatusSchema, status, { planId, status: "active" });
    const before = await counts();
    expect(await act(w.actors.admin, planStatusSchema, status, { planId, status: "ended" })).toMatchObject({ status: "error", code: "state" });
    expect(await counts()).toEqual(before);
    expect(await act(w.actors.admin, planStatusSchema, status, { planId, status: "active" })).toMatchObject({ status: "ok" });
    expect(await act(w.actors.admin, planStatusSchema, status, { planId, status: "ended" })).toMatchObject({ status: "ok" });
    expect(await act(w.actors.admin, planStatusSchema, status, { planId, status: "active" })).toMatchObject({ status: "error", fieldErrors: { reason: expect.any(String) } });
    expect(await act(w.actors.admin, planStatusSchema, status, { planId, status: "active", reason: "評価を延長するため" })).toMatchObject({ status: "ok" });
    expect(await p().auditLog.findFirstOrThrow({ where: { entityId: planId, action: "plan.status" }, orderBy: { createdAt: "desc" } })).toMatchObject({ reason: "評価を延長するため" });
    // a plan with reported values cannot go back to 準備中
    expect(await act(w.actors.admin, planStatusSchema, status, { planId: w.plan2020, status: "active", reason: "再開" })).toMatchObject({ status: "ok" });
    expect(await act(w.actors.admin, planStatusSchema, status, { planId: w.plan2020, status: "preparing", reason: "誤り" })).toMatchObject({ status: "error", code: "state" });
  });

  it("keeps the section tree: add, rename, reorder, and delete only when unused", async () => {
    const add = (a: Actor, i: z.output<typeof addSectionSchema>) => addSection(p(), a, i);
    await expectRefusedFor(NOT_ADMINS, addSectionSchema, add, { planId, title: "柱1", kind: "pillar" });
    const a = await act(w.actors.admin, addSectionSchema, add, { planId, label: "１", title: "柱1", kind: "pillar" });
    const b = await act(w.actors.admin, addSectionSchema, add, { planId, label: "２", title: "柱2", kind: "pillar" });
    expect(a).toMatchObject({ status: "ok", data: { key: "1" } });
    const aId = (a as { data: { id: string } }).data.id;
    const bId = (b as { data: { id: string } }).data.id;
    expect(await act(w.actors.admin, addSectionSchema, add, { planId, label: "（施策１）", title: "施策1-1", kind: "policy", parentId: aId })).toMatchObject({ status: "ok", data: { key: "1-1" } });
    const order = async () => (await p().planSection.findMany({ where: { planId }, orderBy: { sortOrder: "asc" } })).map((s) => s.title);
    expect(await order()).toEqual(["柱1", "施策1-1", "柱2"]);
    const move = (x: Actor, i: z.output<typeof moveSectionSchema>) => moveSection(p(), x, i);
    await expectRefusedFor(NOT_ADMINS, moveSectionSchema, move, { planId, sectionId: bId, direction: "up" });
    expect(await act(w.actors.admin, moveSectionSchema, move, { planId, sectionId: bId, direction: "up" })).toMatchObject({ status: "ok" });
    expect(await order()).toEqual(["柱2", "柱1", "施策1-1"]);
    const update = (x: Actor, i: z.output<typeof updateSectionSchema>) => updateSection(p(), x, i);
    await expectRefusedFor(NOT_ADMINS, updateSectionSchema, update, { planId, sectionId: aId, label: "1", title: "新", kind: "goal" });
    expect(await act(w.actors.admin, updateSectionSchema, update, { planId, sectionId: aId, label: "1", title: "基本目標1", kind: "goal" })).toMatchObject({ status: "ok" });
    expect(await p().planSection.findUniqueOrThrow({ where: { id: aId } })).toMatchObject({ key: "1", label: "1", title: "基本目標1", kind: "goal" });
    const del = (x: Actor, i: z.output<typeof deleteSectionSchema>) => deleteSection(p(), x, i);
    await expectRefusedFor(NOT_ADMINS, deleteSectionSchema, del, { planId, sectionId: bId });
    expect(await act(w.actors.admin, deleteSectionSchema, del, { planId, sectionId: aId })).toMatchObject({ status: "error", code: "state" });
    // a section a KPI uses cannot be deleted
    const used = await p().planSection.findFirstOrThrow({ where: { planId: w.plan2020, measures: { some: {} } } });
    const before = await counts();
    expect(await act(w.actors.admin, deleteSectionSchema, del, { planId: w.plan2020, sectionId: used.id })).toMatchObject({ status: "error", code: "state", message: expect.stringContaining("指標") });
    expect(await counts()).toEqual(before);
    expect(await act(w.actors.admin, deleteSectionSchema, del, { planId, sectionId: bId })).toMatchObject({ status: "ok" });
    expect(await order()).toEqual(["基本目標1", "施策1-1"]);
  });

  it("starts the next period: sections and KPIs copied without any value, each linked to its predecessor", async () => {
    const next = (a: Actor, i: z.output<typeof nextPeriodSchema>) => startNextPeriod(p(), a, i);
    const input = { planId: w.plan2020, slug: "kumamoto-next", name: "次期", startYear: "2024", endYear: "2027" };
    await expectRefusedFor(NOT_ADMINS, nextPeriodSchema, next, input);
    const r = await act(w.actors.admin, nextPeriodSchema, next, input);
    expect(r.status).toBe("ok");
    const created = await p().plan.findUniqueOrThrow({ where: { organizationId_slug: { organizationId: w.kumamoto, slug: "kumamoto-next" } }, include: { sections: true } });
    expect(created).toMatchObject({ status: "preparing", predecessorId: w.plan2020, startYear: 2024, endYear: 2027 });
    const oldMeasures = await p().measure.findMany({ where: { planId: w.plan2020, retiredAt: null }, include: { owners: true, series: true, section: true }, orderBy: { sortOrder: "asc" } });
    const newMeasures = await p().measure.findMany({ where: { planId: created.id }, include: { owners: true, series: true, section: true, entries: true, officialRatings: true }, orderBy: { sortOrder: "asc" } });
    expect(newMeasures.length).toBe(oldMeasures.length);
    expect(created.sections.length).toBe(await p().planSection.count({ where: { planId: w.plan2020 } }));
    for (const [i, m] of newMeasures.entries()) {
      const old = oldMeasures[i];
      expect(m).toMatchObject({ number: old.number, name: old.name, footnote: old.footnote, notes: old.notes, predecessorId: old.id });
      expect(m.section?.key ?? null).toBe(old.section?.key ?? null);
      expect(m.section?.planId ?? created.id).toBe(created.id);
      expect(m.owners.map((o) => o.unitId)).toEqual(old.owners.sort((x, y) => x.sortOrder - y.sortOrder).map((o) => o.unitId));
      expect(m.series.map((s) => [s.label, s.unit])).toEqual(old.series.sort((x, y) => x.sortOrder - y.sortOrder).map((s) => [s.label, s.unit]));
      for (const s of m.series) expect([s.baselineValue, s.baselineText, s.targetKind, s.targetValue, s.targetText, s.comparisonValue]).toEqual([null, null, null, null, null, null]);
      expect(m.entries).toEqual([]);
      expect(m.officialRatings).toEqual([]);
    }
    expect(await p().seriesValue.count({ where: { series: { measure: { planId: created.id } } } })).toBe(0);
    expect(await p().auditLog.count({ where: { action: "plan.startNextPeriod", entityId: created.id } })).toBe(1);
    // the same slug again: nothing half-made
    const before = await counts();
    expect(await act(w.actors.admin, nextPeriodSchema, next, input)).toMatchObject({ status: "error", fieldErrors: { slug: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });
});

describe("a plan being set up (準備中) is not published", () => {
  it("is left out of the open-data catalogue, scope and export until it is 運用中", async () => {
    const { getOpenDataScope, listOpenDataOrganizations } = await import("../../lib/opendata/queries");
    const { exportDataset } = await import("../../lib/export/dataset");
    const slugs = async () => (await listOpenDataOrganizations(p())).organizations.find((o) => o.code === "430005")!.plans.map((x) => x.slug);
    expect(await p().plan.findFirstOrThrow({ where: { slug: "kumamoto-next" } })).toMatchObject({ status: "preparing" });
    expect(await slugs()).not.toContain("kumamoto-next");
    expect(await getOpenDataScope(p(), "430005", "kumamoto-next")).toBeNull();
    expect((await exportDataset(p(), { organizationCode: "430005", planSlug: "kumamoto-next" })).organizations[0].plans).toEqual([]);
    expect((await exportDataset(p(), { organizationCode: "430005", planSlug: "kumamoto-next", audience: "full" })).organizations[0].plans).toHaveLength(1);
    const plan = await p().plan.findFirstOrThrow({ where: { slug: "kumamoto-next" } });
    await setPlanStatus(p(), w.actors.admin, { planId: plan.id, status: "active", reason: null });
    expect(await slugs()).toContain("kumamoto-next");
    expect(await getOpenDataScope(p(), "430005", "kumamoto-next")).not.toBeNull();
  });
});
