// The permission matrix of plan set-up, in one table like permission-matrix.test.ts: every new write (forms,
// workbook and API call the same lib functions) × every kind of actor. The allowed ones succeed with exactly one
// audit record; every refused one writes nothing. Token refusals over HTTP (revoked, expired, another
// organisation's data) are in api.test.ts; this file proves the lib beneath them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { runAction } from "../../lib/actions/action";
import { createOrganization, createOrganizationSchema } from "../../lib/organizations/mutations";
import { addUnit, addUnitSchema, renameUnit, renameUnitSchema, retireUnitSchema, setUnitRetired } from "../../lib/units/mutations";
import { createPlan, createPlanSchema, planStatusSchema, setPlanStatus, updatePlan, updatePlanSchema } from "../../lib/plans/setup";
import { addSection, addSectionSchema } from "../../lib/plans/sections";
import { nextPeriodSchema, startNextPeriod } from "../../lib/plans/next-period";
import { reorderMeasures, saveMeasureDefinition, setMeasureRetired, getMeasureDefinitions } from "../../lib/setup/measures";
import { measureDefinitionSchema } from "../../lib/setup/measure-schema";
import { createApiToken, revokeApiToken } from "../../lib/tokens/mutations";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const p = () => database.prisma;

const ACTORS = ["anonymous", "viewer", "officer", "committee", "admin", "otherOrgAdmin", "otherOrgOfficer", "operator", "unknownRole"] as const;
type ActorName = (typeof ACTORS)[number];
const actors = {} as Record<ActorName, Actor>;
const w = { kumamoto: "", plan2024: "", unitId: "", otherTokenId: "", counter: 0 };

beforeAll(async () => {
  const kumamoto = await p().organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p().organization.findUniqueOrThrow({ where: { code: "402273" } });
  const doboku = await p().orgUnit.findFirstOrThrow({ where: { organizationId: kumamoto.id, path: "土木部" }, include: { children: true } });
  const kamaUnit = await p().orgUnit.findFirstOrThrow({ where: { organizationId: kama.id } });
  const member = (organizationId: string, role: string, unitIds: string[] = []): Actor => ({ id: `pm-${role}-${organizationId}`, memberships: [{ organizationId, role, unitIds }] });
  Object.assign(actors, {
    anonymous: { id: "pm-nobody", memberships: [] },
    viewer: member(kumamoto.id, "viewer"),
    officer: member(kumamoto.id, "officer", [doboku.id, ...doboku.children.map((c) => c.id)]),
    committee: member(kumamoto.id, "committee"),
    admin: member(kumamoto.id, "admin"),
    otherOrgAdmin: member(kama.id, "admin"),
    otherOrgOfficer: member(kama.id, "officer", [kamaUnit.id]),
    operator: { id: "pm-operator", memberships: [], isOperator: true },
    unknownRole: member(kumamoto.id, "superuser"),
  } satisfies Record<ActorName, Actor>);
  // every actor but the anonymous one is a user (audit rows reference them); anonymous has no user row
  for (const a of Object.values(actors).filter((a) => a !== actors.anonymous)) await p().user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id, isOperator: a.isOperator ?? false } });
  w.kumamoto = kumamoto.id;
  w.plan2024 = (await p().plan.findFirstOrThrow({ where: { organizationId: kumamoto.id, slug: "kumamoto-2024" } })).id;
  w.unitId = (await p().orgUnit.create({ data: { organizationId: kumamoto.id, name: "改名用部", path: "改名用部" } })).id;
  // someone else's token, which nobody else may revoke
  const owner = await p().user.create({ data: { email: "token-owner@example.jp", name: "持ち主" } });
  w.otherTokenId = (await p().apiToken.create({ data: { userId: owner.id, name: "他人のトークン", tokenHash: "0".repeat(64), prefix: "kpi_xxxx" } })).id;
});

const unique = () => `${Date.now().toString(36)}${++w.counter}`;
const ok = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return true;
  } catch {
    return false;
  }
};

/** Each write as the lib (behind form, workbook and API) runs it: true when it succeeded. */
const WRITES: Record<string, (a: Actor) => Promise<boolean>> = {
  "add an organisation": (a) => ok(() => createOrganization(p(), a, createOrganizationSchema.parse({ code: "402052", name: "飯塚市", kind: "municipality", adminEmail: `iizuka-${unique()}@example.jp` }))).then(async (r) => {
    if (r) await p().organization.delete({ where: { code: "402052" } }); // so the next allowed actor can add it again
    return r;
  }),
  "add a 部": (a) => ok(() => addUnit(p(), a, addUnitSchema.parse({ organizationId: w.kumamoto, name: `検証部${unique()}` }))),
  "rename a 部": (a) => ok(() => renameUnit(p(), a, renameUnitSchema.parse({ organizationId: w.kumamoto, unitId: w.unitId, name: `改名用部${unique()}` }))),
  "retire a 部": async (a) => {
    const unit = await p().orgUnit.create({ data: { organizationId: w.kumamoto, name: `廃止予定部${unique()}`, path: `廃止予定部${unique()}` } });
    return ok(() => setUnitRetired(p(), a, retireUnitSchema.parse({ organizationId: w.kumamoto, unitId: unit.id, retired: true })));
  },
  "create a plan": (a) => ok(() => createPlan(p(), a, createPlanSchema.parse({ organizationId: w.kumamoto, slug: `plan-${unique()}`, name: "検証計画", startYear: 2028, endYear: 2031, progressRule: "default" }))),
  "edit a plan": (a) => ok(() => updatePlan(p(), a, updatePlanSchema.parse({ planId: w.plan2024, name: `くまもと新時代共創総合戦略${unique()}`, startYear: 2024, endYear: 2027, progressRule: "default" }))),
  "change a plan's status": async (a) => {
    const plan = await p().plan.create({ data: { organizationId: w.kumamoto, slug: `status-${unique()}`, name: "状態の検証", startYear: 2028, endYear: 2031, status: "preparing" } });
    return ok(() => setPlanStatus(p(), a, planStatusSchema.parse({ planId: plan.id, status: "active" })));
  },
  "add a section": (a) => ok(() => addSection(p(), a, addSectionSchema.parse({ planId: w.plan2024, title: `検証の区分${unique()}`, kind: "policy" }))),
  "start the next period": (a) => ok(() => startNextPeriod(p(), a, nextPeriodSchema.parse({ planId: w.plan2024, slug: `next-${unique()}`, name: "次期計画", startYear: 2028, endYear: 2031 }))),
  "define a KPI": (a) => ok(() => saveMeasureDefinition(p(), a, { planId: w.plan2024, definition: measureDefinitionSchema.parse({ number: `検${unique()}`, name: "検証の指標", owners: [{ department: "土木部" }], series: [{ label: "単年", unit: "件", target: { kind: "number", direction: "higher", year: 2027, value: 10 } }] }) })),
  "retire a KPI": (a) => ok(() => setMeasureRetired(p(), a, { planId: w.plan2024, number: "4-7", retired: true })).then(async (r) => {
    if (r) await p().measure.update({ where: { planId_number: { planId: w.plan2024, number: "4-7" } }, data: { retiredAt: null } });
    return r;
  }),
  "reorder KPIs": async (a) => {
    const numbers = (await getMeasureDefinitions(p(), w.plan2024, { includeRetired: true })).map((d) => d.definition.number);
    return ok(() => reorderMeasures(p(), a, { planId: w.plan2024, numbers: [...numbers].reverse() }));
  },
  "create one's own API token": (a) => ok(() => createApiToken(p(), a, { name: "検証", days: 30 })),
  "revoke someone else's API token": (a) => ok(() => revokeApiToken(p(), a, { tokenId: w.otherTokenId })),
};

/** Who may; everyone else is refused with nothing written. */
const ALLOWED: Record<string, ActorName[]> = {
  "add an organisation": ["operator"],
  "add a 部": ["admin"],
  "rename a 部": ["admin"],
  "retire a 部": ["admin"],
  "create a plan": ["admin"],
  "edit a plan": ["admin"],
  "change a plan's status": ["admin"],
  "add a section": ["admin"],
  "start the next period": ["admin"],
  "define a KPI": ["admin"],
  "retire a KPI": ["admin"],
  "reorder KPIs": ["admin"],
  // every signed-in user (with a user row) has their own tokens; the anonymous actor has no user row
  "create one's own API token": ["viewer", "officer", "committee", "admin", "otherOrgAdmin", "otherOrgOfficer", "operator", "unknownRole"],
  "revoke someone else's API token": [],
};

describe("plan set-up: role × action", () => {
  for (const [action, run] of Object.entries(WRITES)) {
    for (const name of ACTORS) {
      const allowed = ALLOWED[action].includes(name);
      it(`${name} ${allowed ? "may" : "may not"} ${action}`, async () => {
        const before = await p().auditLog.count();
        expect(await run(actors[name])).toBe(allowed);
        const written = (await p().auditLog.count()) - before;
        if (allowed) expect(written).toBeGreaterThanOrEqual(1);
        else expect(written).toBe(0);
      });
    }
  }
});

describe("the same refusals through the one action path", () => {
  it("answers forbidden / not found without a stack trace and writes nothing", async () => {
    const before = await p().auditLog.count();
    const def = { name: "test", schema: measureDefinitionSchema, publishes: true, message: "保存しました", run: (a: Actor, d: ReturnType<typeof measureDefinitionSchema.parse>) => saveMeasureDefinition(p(), a, { planId: w.plan2024, definition: d }) };
    const input = { number: "検-runAction", name: "検証", owners: [{ department: "土木部" }] };
    const asOfficer = await runAction(actors.officer, input, def, "route");
    expect(asOfficer).toMatchObject({ status: "error", code: "forbidden" });
    const asOtherAdmin = await runAction(actors.otherOrgAdmin, input, def, "route");
    expect(asOtherAdmin).toMatchObject({ status: "error", code: "not_found" });
    const asNobody = await runAction(null, input, def, "route");
    expect(asNobody).toMatchObject({ status: "error", code: "unauthenticated" });
    expect(await p().auditLog.count()).toBe(before);
  });
});
