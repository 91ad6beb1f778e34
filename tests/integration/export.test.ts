import { describe, expect, it } from "vitest";
import { exportDataset, EXPORT_FORMAT } from "../../lib/export/dataset";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");

describe("JSON export of the whole dataset", () => {
  it("holds every organisation, plan and measure with values as number and printed text", async () => {
    const data = await exportDataset(database.prisma, { audience: "full" });
    expect(data.format).toBe(EXPORT_FORMAT);
    const kumamoto = data.organizations.find((o) => o.code === "430005")!;
    expect(kumamoto.name).toBe("熊本県");
    const plan = kumamoto.plans.find((p) => p.slug === "kumamoto-2020")!;
    expect(plan.start).toEqual({ fiscalYear: 2020, fiscalYearLabel: "令和2年度" });
    expect(plan.measures).toHaveLength(57);
    const no6 = plan.measures.find((m) => m.number === "6")!;
    expect(no6.owners).toEqual([{ department: "知事公室", division: "危機管理防災課" }]);
    expect(no6.provenance?.file).toBe("001_7a30b14ae71f20b7.txt");
    const series = no6.series[0];
    expect(series.target).toMatchObject({ kind: "number", direction: "higher", value: 1500, text: "1,500", fiscalYear: 2023, fiscalYearLabel: "令和5年度" });
    expect(series.actuals.find((a) => a.fiscalYear === 2023)).toMatchObject({ value: 1759, text: "1,759" });
    expect(no6.sheets.map((s) => s.evaluationYear)).toEqual([2023]);
    const r5 = no6.statuses.find((s) => s.evaluationYear === 2023)!;
    expect(r5).toMatchObject({ status: "achieved", statusLabel: "達成" });
    expect(r5.series[0].explanation).toContain("1,759");

    // a text cell keeps its text and has no number
    const textCells = plan.measures.flatMap((m) => m.series.flatMap((s) => s.actuals)).filter((a) => a.text === "集計中");
    expect(textCells.length).toBeGreaterThan(0);
    for (const c of textCells) expect(c.value).toBeNull();

    // R2 and R5 narratives of a measure the R2 document covers
    const no9 = plan.measures.find((m) => m.number === "9")!;
    expect(no9.sheets.map((s) => s.evaluationYear)).toEqual([2020, 2023]);

    // No 5's 累計 (件/4年) counts within the plan period; its 単年 row and No 6's 累計 (since before the period) do not
    const no5 = plan.measures.find((m) => m.number === "5")!;
    expect(no5.series.map((s) => [s.label, s.unit, s.countsWithinPeriod])).toEqual([["単年", "件/年", false], ["累計", "件/4年", true]]);
    expect(series.countsWithinPeriod).toBe(false);

    const kama = data.organizations.find((o) => o.code === "402273")!;
    const kamaPlan = kama.plans.find((p) => p.slug === "kama-2020")!;
    const founders = kamaPlan.measures.find((m) => m.name === "起業支援による創業者数")!;
    expect(founders.series[0].comparison).toEqual({ aggregation: "sum", value: 19, text: "19" });
    expect(founders.officialRatings).toEqual([{ evaluationYear: 2024, evaluationYearLabel: "令和6年度", rating: "○", reason: null, source: "printed" }]);
  });

  it("the public shape names sources by title and carries no file names, line numbers or confidence notes", async () => {
    const data = await exportDataset(database.prisma, { organizationCode: "430005", planSlug: "kumamoto-2020", audience: "public" });
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/\.txt/);
    expect(json).not.toContain("confidence");
    expect(json).not.toContain("provenance");
    const plan = data.organizations[0].plans[0];
    expect(plan.sources.length).toBeGreaterThan(0);
    for (const s of plan.sources) expect(Object.keys(s).sort()).toEqual(["title", "url"]); // a title and, when known, a link
    // the default is the public shape
    expect(await exportDataset(database.prisma, { organizationCode: "430005", planSlug: "kumamoto-2020" })).toEqual(data);
  });

  it("can be limited to one organisation and plan", async () => {
    const data = await exportDataset(database.prisma, { organizationCode: "402273", planSlug: "kama-2025" });
    expect(data.organizations).toHaveLength(1);
    expect(data.organizations[0].plans.map((p) => p.slug)).toEqual(["kama-2025"]);
  });
});
