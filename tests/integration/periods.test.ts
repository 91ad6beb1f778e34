// A KPI started from the previous period's plan shows that period's actuals: the predecessor's series and values,
// only while the predecessor's plan is public.
import { describe, expect, it } from "vitest";
import { getPredecessorTrend } from "../../lib/measures/periods";
import { nextPeriodSchema, startNextPeriod } from "../../lib/plans/next-period";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");

describe("getPredecessorTrend", () => {
  it("gives the previous period's actuals of the KPI a new one continues, and nothing for a 準備中 predecessor", async () => {
    const p = database.prisma;
    const kumamoto = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
    const old = await p.plan.findFirstOrThrow({ where: { organizationId: kumamoto.id, slug: "kumamoto-2020" } });
    const admin = { id: "periods-admin", memberships: [{ organizationId: kumamoto.id, role: "admin", unitIds: [] }] };
    await p.user.create({ data: { id: admin.id, email: "periods-admin@example.jp", name: "企画" } });
    await startNextPeriod(p, admin, nextPeriodSchema.parse({ planId: old.id, slug: "kumamoto-2028", name: "次期", startYear: 2028, endYear: 2031 }));
    const next = await p.measure.findFirstOrThrow({ where: { plan: { slug: "kumamoto-2028" }, number: "6" }, select: { predecessorId: true } });
    expect(await getPredecessorTrend(p, null)).toBeNull();
    const trend = await getPredecessorTrend(p, next.predecessorId);
    expect(trend).toMatchObject({ number: "6", plan: { slug: "kumamoto-2020", organizationCode: "430005", startYear: 2020, endYear: 2023 } });
    expect(trend!.series[0].values.find((a) => a.fiscalYear === 2023)).toMatchObject({ fiscalYear: 2023, value: "1759", text: "1,759" });
    expect(trend!.series[0]).toMatchObject({ label: "累計", unit: "人", baselineYear: 2019, baselineValue: "1027", targetValue: "1500" });
    await p.plan.update({ where: { id: old.id }, data: { status: "preparing" } });
    expect(await getPredecessorTrend(p, next.predecessorId)).toBeNull();
  });
});
