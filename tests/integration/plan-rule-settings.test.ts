// A plan's judgement rule and its thresholds, set up by its organisation's administrator: stored completed with
// the rule's defaults, refused per field, kept when an API call leaves them out, audited; and the statuses follow.
import { beforeAll, describe, expect, it } from "vitest";
import { runAction } from "../../lib/actions/action";
import type { Actor } from "../../lib/authz/permissions";
import { updatePlan, updatePlanSchema } from "../../lib/plans/setup";
import { buildRows } from "../../lib/plans/overview";
import { planRule } from "../../lib/measures/series-input";
import { measureListSelect } from "../../lib/measures/measure-select";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const p = () => database.prisma;
const w = { planId: "", admin: null as unknown as Actor, otherAdmin: null as unknown as Actor };

beforeAll(async () => {
  const kumamoto = await p().organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p().organization.findUniqueOrThrow({ where: { code: "402273" } });
  w.planId = (await p().plan.findFirstOrThrow({ where: { organizationId: kumamoto.id, slug: "kumamoto-2020" } })).id;
  w.admin = { id: "rs-admin", memberships: [{ organizationId: kumamoto.id, role: "admin", unitIds: [] }] };
  w.otherAdmin = { id: "rs-other", memberships: [{ organizationId: kama.id, role: "admin", unitIds: [] }] };
  for (const a of [w.admin, w.otherAdmin]) await p().user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id } });
});

async function update(actor: Actor, fields: Record<string, unknown>) {
  const plan = await p().plan.findUniqueOrThrow({ where: { id: w.planId } });
  const input = { planId: plan.id, name: plan.name, startYear: String(plan.startYear), endYear: String(plan.endYear), progressRule: plan.progressRule, description: plan.description ?? "", printFormName: plan.printFormName ?? "", ...fields };
  return runAction(actor, input, { name: "plan.update", schema: updatePlanSchema, run: (a, i) => updatePlan(p(), a, i), publishes: false, message: "ok" });
}
const stored = async () => (await p().plan.findUniqueOrThrow({ where: { id: w.planId } })).progressSettings;

describe("plan rule settings", () => {
  it("stores a preset with its thresholds, completed with its defaults, audited", async () => {
    const r = await update(w.admin, { progressRule: "grades", progressSettings: { a: "６０", b: "0", expectedPath: "on" } });
    expect(r).toMatchObject({ status: "ok", data: { changed: true } });
    expect(await stored()).toEqual({ a: 60, b: 0, expectedPath: true });
    const audit = await p().auditLog.findFirstOrThrow({ where: { action: "plan.update", entityId: w.planId }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ progressRule: "grades", progressSettings: { a: 60, b: 0, expectedPath: true } });
  });

  it("the statuses follow the preset: S/A/B/C in the overview rows", async () => {
    const plan = await p().plan.findUniqueOrThrow({ where: { id: w.planId } });
    const measures = await p().measure.findMany({ where: { planId: w.planId }, select: measureListSelect });
    const rows = buildRows(measures, [], planRule(plan), 2023);
    const labels = new Set(rows.map((r) => r.statusLabel));
    expect([...labels].every((l) => ["S", "A", "B", "C", "未達成", "判定不能"].includes(l))).toBe(true);
    expect(rows.find((r) => r.number === "5")?.statusLabel).toBe("S");
  });

  it("refuses a threshold beside its field and writes nothing", async () => {
    const before = await p().auditLog.count({ where: { action: "plan.update" } });
    expect(await update(w.admin, { progressRule: "grades", progressSettings: { a: "abc", b: "0" } })).toMatchObject({ status: "error", fieldErrors: { "progressSettings.a": "数値（%）で入力してください" } });
    expect(await update(w.admin, { progressRule: "grades", progressSettings: { a: "40", b: "50" } })).toMatchObject({ status: "error", fieldErrors: { "progressSettings.b": "「B」の値は「A」の値より小さくしてください" } });
    expect(await p().auditLog.count({ where: { action: "plan.update" } })).toBe(before);
    expect(await stored()).toEqual({ a: 60, b: 0, expectedPath: true });
  });

  it("keeps the settings when a call leaves them out; a new rule starts from its defaults", async () => {
    expect(await update(w.admin, {})).toMatchObject({ status: "ok", data: { changed: false } });
    expect(await stored()).toEqual({ a: 60, b: 0, expectedPath: true });
    expect(await update(w.admin, { progressRule: "marks" })).toMatchObject({ status: "ok", data: { changed: true } });
    expect(await stored()).toEqual({ good: 80, fair: 0, expectedPath: true });
  });

  it("refuses another organisation's admin", async () => {
    expect(await update(w.otherAdmin, { progressRule: "expected" })).toMatchObject({ status: "error", code: "not_found" });
    expect(await stored()).toEqual({ good: 80, fair: 0, expectedPath: true });
    await update(w.admin, { progressRule: "default" });
  });
});
