// The printed plan loads every sheet with a fixed number of queries, and its department filter is the overview's.
import { describe, expect, it } from "vitest";
import { getPlanPrintData } from "../../lib/print/queries";
import { buildPlanPrint } from "../../lib/print/plan-print";
import { buildPrintSheet } from "../../lib/print/print-sheet";
import { getMeasurePageData } from "../../lib/measures/queries";
import { getPlanOverview } from "../../lib/plans/get-overview";
import { useTestDatabase } from "../helpers/database-per-file";
import { useQueryCounter } from "../helpers/query-counter";

const database = useTestDatabase("seeded");
const queries = useQueryCounter(database);

describe("getPlanPrintData", () => {
  it("sends the same number of queries for 57 KPIs as for 18", async () => {
    const big = await queries(() => getPlanPrintData("430005", "kumamoto-2020"));
    const small = await queries(() => getPlanPrintData("402273", "kama-2025"));
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(20);
  });

  it("gives each sheet what the KPI page gives it (same status, table and narratives)", async () => {
    const data = (await getPlanPrintData("430005", "kumamoto-2020"))!;
    expect(data.measures).toHaveLength(57);
    const doc = buildPlanPrint(data.plan, data.planLatestYear, data.measures);
    expect(doc.year).toBe(2023);
    expect(doc.totalPages).toBe(1 + doc.contents.length + 57);
    for (const no of ["6", "10", "15"]) {
      const single = buildPrintSheet((await getMeasurePageData("430005", "kumamoto-2020", no))!);
      expect(doc.sheets.find((s) => s.number === no)).toEqual(single);
    }
  });

  it("filters by owning department as the overview does", async () => {
    const overview = (await getPlanOverview("430005", "kumamoto-2020", {}))!;
    for (const dep of overview.options.departments) {
      const filtered = (await getPlanOverview("430005", "kumamoto-2020", { department: dep.id }))!;
      const printed = (await getPlanPrintData("430005", "kumamoto-2020", dep.id))!;
      expect(printed.department?.name).toBe(dep.name);
      expect(printed.measures.map((m) => m.measure.number).sort()).toEqual(filtered.rows.map((r) => r.number).sort());
    }
  });

  it("finds no department of another organisation, and no plan of another organisation", async () => {
    const kama = await database.prisma.orgUnit.findFirst({ where: { organization: { code: "402273" } }, select: { id: true } });
    const printed = (await getPlanPrintData("430005", "kumamoto-2020", kama!.id))!;
    expect(printed.department).toBeNull();
    expect(printed.measures).toHaveLength(0);
    expect(await getPlanPrintData("402273", "kumamoto-2020")).toBeNull();
  });
});
