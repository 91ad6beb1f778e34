// The KPI page's data is loaded in a few hand-written SQL statements (lib/measures/queries.ts): it must give exactly
// what Prisma's own select of the same columns gives, for every KPI of both seeded plans, with sheets published
// through the app (publisher, date), a retired KPI and a section.
import { describe, expect, it } from "vitest";
import { getMeasurePageData, measurePageSelect } from "../../lib/measures/queries";
import { getPlanLatestActualYear } from "../../lib/plans/queries";
import { useTestDatabase } from "../helpers/database-per-file";
import { useQueryCounter } from "../helpers/query-counter";

const database = useTestDatabase("seeded");
// the app's client (db()) on this file's database
useQueryCounter(database);

async function viaPrisma(code: string, slug: string, number: string) {
  const p = database.prisma;
  const measure = await p.measure.findFirst({ where: { number, plan: { slug, organization: { code } } }, select: measurePageSelect });
  if (!measure) return null;
  const siblings = await p.measure.findMany({
    where: { planId: measure.plan.id, OR: [{ retiredAt: null }, { number }] },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { number: true, name: true },
  });
  const at = siblings.findIndex((s) => s.number === number);
  return { measure, previous: siblings[at - 1] ?? null, next: siblings[at + 1] ?? null, planLatestYear: await getPlanLatestActualYear(measure.plan), predecessor: null };
}

describe("getMeasurePageData", () => {
  it("gives what Prisma's select of the page's columns gives, for every KPI", async () => {
    const p = database.prisma;
    // a published sheet with its publisher and date, a retired KPI in the middle of the plan
    const someone = await p.user.create({ data: { email: "publisher@example.jp", name: "企画 担当" } });
    const m6 = await p.measure.findFirstOrThrow({ where: { number: "6", plan: { slug: "kumamoto-2020" } } });
    await p.sheetEntry.updateMany({ where: { measureId: m6.id }, data: { publishedById: someone.id, publishedAt: new Date("2024-06-30T01:02:03.456Z"), updatedVia: "form" } });
    await p.measure.updateMany({ where: { number: "7", plan: { slug: "kumamoto-2020" } }, data: { retiredAt: new Date("2024-04-01T00:00:00Z") } });

    const measures = await p.measure.findMany({ select: { number: true, plan: { select: { slug: true, organization: { select: { code: true } } } } } });
    expect(measures.length).toBeGreaterThan(70);
    for (const m of measures) {
      const [code, slug] = [m.plan.organization.code, m.plan.slug];
      expect(await getMeasurePageData(code, slug, m.number), `${slug} No ${m.number}`).toEqual(await viaPrisma(code, slug, m.number));
    }
    const six = (await getMeasurePageData("430005", "kumamoto-2020", "6"))!;
    expect(six.measure.entries.length).toBeGreaterThan(0);
    expect(six.measure.entries.every((e) => e.publishedBy?.name === "企画 担当" && e.publishedAt?.toISOString() === "2024-06-30T01:02:03.456Z")).toBe(true);
    expect(six.next?.number).toBe("8");
    expect((await getMeasurePageData("430005", "kumamoto-2020", "7"))!.measure.retiredAt).toEqual(new Date("2024-04-01T00:00:00Z"));
  });

  it("finds no KPI of another organisation's plan", async () => {
    expect(await getMeasurePageData("402273", "kumamoto-2020", "6")).toBeNull();
    expect(await getMeasurePageData("430005", "kumamoto-2020", "no-such")).toBeNull();
  });
});
