// The pages' data functions send a fixed number of SQL queries, whatever the number of KPIs (no query per row).
import { describe, expect, it } from "vitest";
import { getPlanOverview } from "../../lib/plans/get-overview";
import { getMeasurePageData } from "../../lib/measures/queries";
import { getSheetHistory } from "../../lib/audit/history";
import { getComments } from "../../lib/review/queries";
import { getUnitPage } from "../../lib/units/queries";
import { getApprovalQueue } from "../../lib/sheets/queue";
import { useTestDatabase } from "../helpers/database-per-file";
import { useQueryCounter } from "../helpers/query-counter";

const database = useTestDatabase("seeded");
const queries = useQueryCounter(database);

describe("queries per page", () => {
  it("the overview: the same for 57 KPIs as for 18, with or without a search", async () => {
    const big = await queries(() => getPlanOverview("430005", "kumamoto-2020", {}));
    const small = await queries(() => getPlanOverview("402273", "kama-2025", {}));
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(20);
    const searching = await queries(() => getPlanOverview("430005", "kumamoto-2020", { q: "防災" }));
    expect(searching).toBe(big + 1);
  });

  it("the KPI page: the same for a one-row KPI as for a two-row KPI with two sheets, within issue 16's budget of 10", async () => {
    const one = await queries(() => getMeasurePageData("430005", "kumamoto-2020", "6"));
    const two = await queries(() => getMeasurePageData("430005", "kumamoto-2020", "10"));
    expect(one).toBe(two);
    // the KPI with its plan, owners, ratings, sheets and neighbours in one statement; its series and their values
    expect(one).toBeLessThanOrEqual(3);
    // everything an anonymous reader's page reads (the proxy's existence check of a cached path adds one)
    const page = (no: string) =>
      queries(async () => {
        const { measure } = (await getMeasurePageData("430005", "kumamoto-2020", no))!;
        await getSheetHistory(measure.id, false);
        await getComments(null, { id: measure.id, organizationId: measure.plan.organizationId, ownerUnitIds: [] }, 2023);
      });
    expect(await page("6")).toBe(await page("10"));
    expect(await page("6")).toBeLessThanOrEqual(9);
    expect(await queries(async () => void (await getSheetHistory("no-such-measure", true, { staff: true })))).toBe(1);
  });

  it("a department's page: the same for a department with many KPIs as for one with few", async () => {
    const units = await database.prisma.orgUnit.findMany({
      where: { parentId: null, organization: { code: "430005" } },
      select: { id: true, _count: { select: { owners: true, children: true } } },
    });
    const sorted = units.sort((a, b) => a._count.children - b._count.children);
    const few = await queries(() => getUnitPage("430005", sorted[0].id));
    const many = await queries(() => getUnitPage("430005", sorted.at(-1)!.id));
    expect(few).toBe(many);
    expect(many).toBeLessThanOrEqual(20);
  });

  it("the approval queue: the same for 57 sheets as for 18", async () => {
    const orgs = await database.prisma.organization.findMany({ where: { code: { in: ["430005", "402273"] } } });
    for (const slug of ["kumamoto-2020", "kama-2025"]) {
      const plan = await database.prisma.plan.findFirstOrThrow({ where: { slug } });
      await database.prisma.evaluationYear.create({ data: { planId: plan.id, fiscalYear: plan.endYear, status: "open", deadline: new Date("2099-03-31T23:59:59+09:00") } });
    }
    const admin = { id: "admin", memberships: orgs.map((o) => ({ organizationId: o.id, role: "admin", unitIds: [] })) };
    const big = await queries(() => getApprovalQueue(admin, "430005", "kumamoto-2020", {}));
    const small = await queries(() => getApprovalQueue(admin, "402273", "kama-2025", {}));
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(16);
  });
});
