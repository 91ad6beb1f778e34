// A department's page shows each plan in the plan's own evaluation year (the one rule in lib/plans/evaluation-year.ts
// asked with the whole plan's latest actual), not the year its own KPIs alone would give.
import { describe, expect, it } from "vitest";
import { getUnitPage } from "../../lib/units/queries";
import { getPlanOverview } from "../../lib/plans/get-overview";
import { latestActualYear, resolveEvaluationYear } from "../../lib/plans/evaluation-year";
import { useTestDatabase } from "../helpers/database-per-file";
import { useQueryCounter } from "../helpers/query-counter";

const database = useTestDatabase("seeded");
// the app's data functions read this file's database through the counting client
useQueryCounter(database);

describe("a department's page and its plan's year", () => {
  it("opens each plan on the year its overview opens on, even when the department's own KPIs have no actual of that year", async () => {
    const p = database.prisma;
    const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020", organization: { code: "430005" } }, select: { id: true, startYear: true, endYear: true } });
    await p.evaluationYear.deleteMany({ where: { planId: plan.id } });
    const kpis = await p.measure.findMany({
      where: { planId: plan.id, retiredAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, owners: { select: { unit: { select: { id: true, parentId: true } } } } },
    });
    const departmentOf = (m: (typeof kpis)[number]) => new Set(m.owners.map((o) => o.unit.parentId ?? o.unit.id));
    const before = await getPlanOverview("430005", "kumamoto-2020", {});
    const planYear = before!.year;
    // a department whose KPIs have no actual of the plan's year (removed here), while other departments' KPIs keep theirs
    const departmentId = [...departmentOf(kpis[0])][0];
    const ownKpis = kpis.filter((m) => departmentOf(m).has(departmentId));
    await p.seriesValue.deleteMany({ where: { kind: "actual", fiscalYear: { gte: planYear }, series: { measureId: { in: ownKpis.map((m) => m.id) } } } });
    const own = await p.measure.findMany({ where: { id: { in: ownKpis.map((m) => m.id) } }, select: { series: { select: { values: { where: { kind: "actual" }, select: { fiscalYear: true, value: true, kind: true } } } } } });
    // the setup discriminates: the department's KPIs alone would open on an earlier year
    expect(resolveEvaluationYear(plan, latestActualYear(plan, own))).toBeLessThan(planYear);

    const overview = await getPlanOverview("430005", "kumamoto-2020", {});
    expect(overview?.year).toBe(planYear);
    const page = await getUnitPage("430005", departmentId);
    const shown = page?.plans.find((x) => x.slug === "kumamoto-2020");
    expect(shown?.year).toBe(overview?.year);
  });
});
