// KPI set-up (指標の設定) against the seeded database: create, unchanged save, a target changed on a plan in force
// (reason required), series with actuals kept, retire/restore, reorder, and every other role refused with
// nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "../../lib/authz/permissions";
import { runAction } from "../../lib/actions/action";
import { Refusal } from "../../lib/actions/refusal";
import { measureDefinitionSchema, type MeasureDefinitionInput } from "../../lib/setup/measure-schema";
import { getMeasureDefinitions, moveMeasureInOrder, reorderMeasures, REASON_REQUIRED, saveMeasureDefinition, setMeasureRetired } from "../../lib/setup/measures";
import { definitionDigest } from "../../lib/setup/definition";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const w = {} as { planId: string; actors: Record<string, Actor> };

beforeAll(async () => {
  const p = database.prisma;
  const kumamoto = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2024" } });
  expect(plan.status).toBe("active");
  const doboku = await p.orgUnit.findFirstOrThrow({ where: { organizationId: kumamoto.id, path: "土木部" } });
  const member = (organizationId: string, role: string, unitIds: string[] = []) => ({ id: `actor-${role}-${organizationId}`, memberships: [{ organizationId, role, unitIds }] });
  w.planId = plan.id;
  w.actors = {
    admin: member(kumamoto.id, "admin"),
    viewer: member(kumamoto.id, "viewer"),
    officer: member(kumamoto.id, "officer", [doboku.id]),
    committee: member(kumamoto.id, "committee"),
    otherOrgAdmin: member(kama.id, "admin"),
    anonymous: { id: "nobody", memberships: [] },
  };
  for (const a of Object.values(w.actors)) await p.user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id } });
});

const definition = (over: Partial<MeasureDefinitionInput> = {}): MeasureDefinitionInput => ({
  number: "試験1",
  name: "試験用の指標（整備箇所数）",
  section: "4-2",
  footnote: "県調べ",
  notes: ["※ 試験"],
  owners: [
    { department: "土木部", division: "道路整備課" },
    { department: "土木部", division: null },
  ],
  series: [
    { label: "単年", unit: "箇所", baseline: { year: 2023, value: "1,200" }, target: { kind: "number", direction: "higher", year: 2027, value: "1,500" }, yearlyTargets: [{ year: 2025, value: 1300 }] },
    { label: "累計", unit: "箇所", baseline: { year: 2023, value: 10 }, target: { kind: "at_least", direction: "higher", year: 2027, value: 40, text: "40箇所以上" } },
    { label: "前年比", target: { kind: "relative", direction: "lower", text: "前年比減" } },
    { label: "達成", target: { kind: "milestone", text: "完了" } },
    { label: "期間合計", unit: "件", target: { kind: "period_total", direction: "higher", value: 40, text: "4年間に40件", periodStart: 2024, periodEnd: 2027 }, aggregation: "sum" },
  ],
  ...over,
});
const parse = (d: MeasureDefinitionInput) => measureDefinitionSchema.parse(d);
const audits = () => database.prisma.auditLog.count();
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof Refusal) return e;
    if (e instanceof Error && e.name === "ForbiddenError") return { code: "forbidden", fieldErrors: undefined, message: e.message };
    throw e;
  }
  throw new Error("not refused");
};

describe("saveMeasureDefinition", () => {
  it("creates a KPI with owners, series, baselines and a target of each kind, and reads it back", async () => {
    const r = await saveMeasureDefinition(database.prisma, w.actors.admin, { planId: w.planId, definition: parse(definition()) });
    expect(r).toMatchObject({ created: true, changed: true, number: "試験1" });
    const defs = await getMeasureDefinitions(database.prisma, w.planId);
    const d = defs.find((x) => x.definition.number === "試験1")!.definition;
    expect(d.owners).toEqual([
      { department: "土木部", division: "道路整備課" },
      { department: "土木部", division: null },
    ]);
    expect(d.series.map((s) => s.target?.kind)).toEqual(["number", "at_least", "relative", "milestone", "period_total"]);
    expect(d.series[0].baseline).toEqual({ year: 2023, value: "1200", text: "1,200" });
    expect(d.series[0].target).toMatchObject({ value: "1500", text: "1,500", direction: "higher", year: 2027 });
    expect(d.series[0].yearlyTargets).toEqual([{ year: 2025, value: "1300", text: "1,300" }]);
    expect(d.series[3].target).toMatchObject({ kind: "milestone", value: null, text: "完了" });
    expect(d.series[4].target).toMatchObject({ periodStart: 2024, periodEnd: 2027, value: "40" });
    const row = await database.prisma.measure.findUniqueOrThrow({ where: { id: r.measureId } });
    expect(row).toMatchObject({ updatedById: w.actors.admin.id, updatedVia: "form" });
    expect(await database.prisma.auditLog.count({ where: { entityId: r.measureId, action: "measure.create" } })).toBe(1);
  });

  it("an unchanged save changes nothing and writes no audit row", async () => {
    const before = await audits();
    const r = await saveMeasureDefinition(database.prisma, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse(definition()) });
    expect(r.changed).toBe(false);
    expect(await audits()).toBe(before);
  });

  it("a save based on an older reading of the KPI is refused as a conflict, keeping the other save (optimistic locking)", async () => {
    const p = database.prisma;
    const read = async () => (await getMeasureDefinitions(p, w.planId)).find((d) => d.definition.number === "試験1")!.definition;
    const opened = definitionDigest(await read()); // both editors open the form
    const first = await saveMeasureDefinition(p, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse(definition({ footnote: "先に保存した注" })), expected: opened });
    expect(first.changed).toBe(true);
    const before = await audits();
    const second = await refusal(saveMeasureDefinition(p, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse(definition({ footnote: "後から保存した注" })), expected: opened }));
    expect(second.code).toBe("conflict");
    expect((await read()).footnote).toBe("先に保存した注");
    expect(await audits()).toBe(before);
    // with the current reading it saves
    await saveMeasureDefinition(p, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse(definition()), expected: definitionDigest(await read()) });
    expect((await read()).footnote).toBe("県調べ");
  });

  it("a changed target of a plan in force needs a reason: refused and nothing written without one", async () => {
    const changed = definition();
    changed.series![0] = { ...changed.series![0], target: { kind: "number", direction: "higher", year: 2027, value: "1,800" } };
    const before = await audits();
    const e = await refusal(saveMeasureDefinition(database.prisma, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse(changed), reason: "  " }));
    expect(e.code).toBe("invalid");
    expect(e.fieldErrors).toEqual({ reason: REASON_REQUIRED });
    expect(await audits()).toBe(before);
    const d = (await getMeasureDefinitions(database.prisma, w.planId)).find((x) => x.definition.number === "試験1")!.definition;
    expect(d.series[0].target?.value).toBe("1500");

    const r = await saveMeasureDefinition(database.prisma, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse(changed), reason: "国の計画改定に合わせて上方修正" });
    expect(r.changed).toBe(true);
    const log = await database.prisma.auditLog.findFirstOrThrow({ where: { entityId: r.measureId, action: "measure.update" }, orderBy: { createdAt: "desc" } });
    expect(log.reason).toBe("国の計画改定に合わせて上方修正");
    expect(log.channel).toBe("form");
    expect((log.before as { series: { target: { value: string } }[] }).series[0].target.value).toBe("1500");
    expect((log.after as { series: { target: { value: string } }[]; planStatus: string }).series[0].target.value).toBe("1800");
    expect((log.after as { planStatus: string }).planStatus).toBe("active");
  });

  it("a series with actuals cannot be removed; one without can", async () => {
    const m = await database.prisma.measure.findFirstOrThrow({ where: { planId: w.planId, number: "試験1" }, include: { series: true } });
    const single = m.series.find((s) => s.label === "単年")!;
    await database.prisma.seriesValue.create({ data: { seriesId: single.id, kind: "actual", fiscalYear: 2024, value: 1300, text: "1,300" } });
    const d = definition();
    d.series![0] = { ...d.series![0], target: { kind: "number", direction: "higher", year: 2027, value: "1,800" } };
    const before = await audits();
    const e = await refusal(
      saveMeasureDefinition(database.prisma, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse({ ...d, series: d.series!.slice(1) }), reason: "系列の整理" }),
    );
    expect(e.fieldErrors?.series).toContain("実績値があるため削除できません");
    expect(await audits()).toBe(before);
    // 達成 (no actuals) can go
    const r = await saveMeasureDefinition(database.prisma, w.actors.admin, { planId: w.planId, currentNumber: "試験1", definition: parse({ ...d, series: d.series!.filter((s) => s.label !== "達成") }), reason: "系列の整理" });
    expect(r.changed).toBe(true);
  });

  it("refuses a number with more than six decimals through the action path, writing nothing", async () => {
    const before = await audits();
    const d = definition({ number: "試験2" });
    d.series![0] = { ...d.series![0], target: { kind: "number", direction: "higher", year: 2027, value: "1.1234567" } };
    const schema = z.object({ planId: z.string(), definition: measureDefinitionSchema });
    const result = await runAction(w.actors.admin, { planId: w.planId, definition: d }, { name: "test", schema, run: (a, i) => saveMeasureDefinition(database.prisma, a, i), publishes: true, message: "ok" }, "route");
    expect(result.status).toBe("error");
    expect(result.status === "error" && result.fieldErrors?.["definition.series.0.target.value"]).toContain("6桁");
    expect(await audits()).toBe(before);
    expect(await database.prisma.measure.count({ where: { planId: w.planId, number: "試験2" } })).toBe(0);
  });

  it("refuses viewer, officer, committee, another organisation's admin and the anonymous, with no audit row", async () => {
    const before = await audits();
    const creates = parse(definition({ number: "試験3" }));
    for (const who of ["viewer", "officer", "committee"]) {
      expect((await refusal(saveMeasureDefinition(database.prisma, w.actors[who], { planId: w.planId, definition: creates }))).code).toBe("forbidden");
      expect((await refusal(setMeasureRetired(database.prisma, w.actors[who], { planId: w.planId, number: "試験1", retired: true }))).code).toBe("forbidden");
    }
    for (const who of ["otherOrgAdmin", "anonymous"]) {
      expect((await refusal(saveMeasureDefinition(database.prisma, w.actors[who], { planId: w.planId, definition: creates }))).code).toBe("not_found");
      expect((await refusal(reorderMeasures(database.prisma, w.actors[who], { planId: w.planId, numbers: [] }))).code).toBe("not_found");
    }
    const schema = z.object({ planId: z.string(), definition: measureDefinitionSchema });
    const anonymous = await runAction(null, { planId: w.planId, definition: definition({ number: "試験3" }) }, { name: "test", schema, run: (a, i) => saveMeasureDefinition(database.prisma, a, i), publishes: true, message: "ok" }, "route");
    expect(anonymous).toMatchObject({ status: "error", code: "unauthenticated" });
    expect(await audits()).toBe(before);
    expect(await database.prisma.measure.count({ where: { number: "試験3" } })).toBe(0);
  });
});

describe("setMeasureRetired and reorderMeasures", () => {
  it("retires and restores with an audit row and the reason; retired KPIs leave the default definitions", async () => {
    const r = await setMeasureRetired(database.prisma, w.actors.admin, { planId: w.planId, number: "試験1", retired: true, reason: "統合のため" });
    expect(r.changed).toBe(true);
    expect((await getMeasureDefinitions(database.prisma, w.planId)).some((d) => d.definition.number === "試験1")).toBe(false);
    expect((await getMeasureDefinitions(database.prisma, w.planId, { includeRetired: true })).find((d) => d.definition.number === "試験1")?.retired).toBe(true);
    const log = await database.prisma.auditLog.findFirstOrThrow({ where: { entityId: r.measureId, action: "measure.retire" } });
    expect(log.reason).toBe("統合のため");
    const again = await setMeasureRetired(database.prisma, w.actors.admin, { planId: w.planId, number: "試験1", retired: true });
    expect(again.changed).toBe(false);
    await setMeasureRetired(database.prisma, w.actors.admin, { planId: w.planId, number: "試験1", retired: false });
    expect((await database.prisma.measure.findUniqueOrThrow({ where: { id: r.measureId } })).retiredAt).toBeNull();
  });

  it("reorders the plan's KPIs when every No is named once, and refuses a partial list", async () => {
    const numbers = (await getMeasureDefinitions(database.prisma, w.planId, { includeRetired: true })).map((d) => d.definition.number);
    const reversed = [...numbers].reverse();
    expect(await reorderMeasures(database.prisma, w.actors.admin, { planId: w.planId, numbers: reversed })).toEqual({ changed: true });
    expect((await getMeasureDefinitions(database.prisma, w.planId, { includeRetired: true })).map((d) => d.definition.number)).toEqual(reversed);
    expect(await reorderMeasures(database.prisma, w.actors.admin, { planId: w.planId, numbers: reversed })).toEqual({ changed: false });
    const before = await audits();
    expect((await refusal(reorderMeasures(database.prisma, w.actors.admin, { planId: w.planId, numbers: reversed.slice(1) }))).code).toBe("invalid");
    expect(await audits()).toBe(before);
  });

  it("moves one KPI a place (the set-up page's arrows) in one transaction, not past either end, and only for the plan's admin", async () => {
    const order = async () => (await getMeasureDefinitions(database.prisma, w.planId, { includeRetired: true })).map((d) => d.definition.number);
    const numbers = await order();
    expect(await moveMeasureInOrder(database.prisma, w.actors.admin, { planId: w.planId, number: numbers[1], direction: "up" })).toEqual({ changed: true });
    expect(await order()).toEqual([numbers[1], numbers[0], ...numbers.slice(2)]);
    expect(await moveMeasureInOrder(database.prisma, w.actors.admin, { planId: w.planId, number: numbers[1], direction: "up" })).toEqual({ changed: false });
    const before = await audits();
    expect((await refusal(moveMeasureInOrder(database.prisma, w.actors.admin, { planId: w.planId, number: "存在しない", direction: "down" }))).code).toBe("not_found");
    expect((await refusal(moveMeasureInOrder(database.prisma, w.actors.officer, { planId: w.planId, number: numbers[0], direction: "down" }))).code).toBe("forbidden");
    expect(await audits()).toBe(before);
  });
});

describe("a series that counts within the plan period", () => {
  it("is saved and read back; unmarking it on a plan in force needs a reason, and the audit says how it counts now", async () => {
    const p = database.prisma;
    const withinPeriod = (on: boolean) =>
      definition({
        number: "試験2",
        series: [
          { label: "単年", unit: "件/年", baseline: { year: 2023, value: 23 } },
          { label: "累計", unit: "件/4年", baseline: { year: 2023, value: 62 }, target: { kind: "number", direction: "higher", year: 2027, value: 65 }, countsWithinPeriod: on },
        ],
      });
    const created = await saveMeasureDefinition(p, w.actors.admin, { planId: w.planId, definition: parse(withinPeriod(true)) });
    const read = async () => (await getMeasureDefinitions(p, w.planId)).find((d) => d.definition.number === "試験2")!.definition;
    expect((await read()).series.map((s) => s.countsWithinPeriod)).toEqual([false, true]);
    const rows = await p.valueSeries.findMany({ where: { measureId: created.measureId }, orderBy: { sortOrder: "asc" }, select: { label: true, countsWithinPeriod: true } });
    expect(rows).toEqual([{ label: "単年", countsWithinPeriod: false }, { label: "累計", countsWithinPeriod: true }]);

    const e = await refusal(saveMeasureDefinition(p, w.actors.admin, { planId: w.planId, currentNumber: "試験2", definition: parse(withinPeriod(false)) }));
    expect(e.code).toBe("invalid");
    expect(e.fieldErrors).toEqual({ reason: REASON_REQUIRED });
    expect((await read()).series[1].countsWithinPeriod).toBe(true);

    const r = await saveMeasureDefinition(p, w.actors.admin, { planId: w.planId, currentNumber: "試験2", definition: parse(withinPeriod(false)), reason: "累計の取り方を見直したため" });
    expect(r.changed).toBe(true);
    expect((await read()).series[1].countsWithinPeriod).toBe(false);
    const log = await p.auditLog.findFirstOrThrow({ where: { entityId: created.measureId, action: "measure.update" }, orderBy: { createdAt: "desc" } });
    expect(log.reason).toBe("累計の取り方を見直したため");
    type Logged = { series: { label: string; countsWithinPeriod: boolean }[] };
    expect((log.before as Logged).series.map((s) => s.countsWithinPeriod)).toEqual([false, true]);
    expect((log.after as Logged).series.map((s) => s.countsWithinPeriod)).toEqual([false, false]);
  });
});
