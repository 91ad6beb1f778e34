import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedDatabase, SEED_DIR } from "../../lib/seeds/seed-database";
import { SeedValidationError } from "../../lib/seeds/read-seed-files";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("empty");

async function snapshot() {
  const p = database.prisma;
  return {
    organizations: await p.organization.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } }),
    units: await p.orgUnit.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } }),
    plans: await p.plan.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } }),
    sections: await p.planSection.findMany({ orderBy: { id: "asc" } }),
    measures: await p.measure.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } }),
    series: await p.valueSeries.count(),
    values: await p.seriesValue.count(),
    entries: await p.sheetEntry.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } }),
    ratings: await p.officialRating.count(),
  };
}

describe("db:seed", () => {
  it("loads the seed files, and a second run leaves the same rows", async () => {
    const first = await seedDatabase(database.prisma);
    expect(first.measures).toBeGreaterThan(0);
    const before = await snapshot();
    const kpi6 = await database.prisma.measure.findFirst({
      where: { number: "6", plan: { slug: "kumamoto-2020" } },
      include: { series: { include: { values: true } } },
    });
    expect(kpi6?.name).toBe("県が育成した防災士の資格取得者数");
    expect(kpi6?.series[0].targetValue?.toString()).toBe("1500");
    expect(kpi6?.series[0].values.find((v) => v.fiscalYear === 2023)?.value?.toString()).toBe("1759");

    await seedDatabase(database.prisma);
    expect(await snapshot()).toEqual(before);
  });

  it("writes the printed form name, the units printed elsewhere and the series that count within the plan period", async () => {
    await seedDatabase(database.prisma);
    const plans = await database.prisma.plan.findMany({ select: { slug: true, printFormName: true }, orderBy: { slug: "asc" } });
    expect(plans).toEqual([
      { slug: "kama-2020", printFormName: null },
      { slug: "kama-2025", printFormName: null },
      { slug: "kumamoto-2020", printFormName: "＜別記様式２＞" },
      { slug: "kumamoto-2024", printFormName: null },
    ]);
    const withinPeriod = await database.prisma.valueSeries.findMany({
      where: { countsWithinPeriod: true },
      select: { label: true, unit: true, measure: { select: { number: true, plan: { select: { slug: true } } } } },
    });
    expect(withinPeriod.map((s) => `${s.measure.plan.slug} ${s.measure.number} ${s.label} ${s.unit}`).sort()).toEqual([
      "kumamoto-2020 12 累計 人/4年",
      "kumamoto-2020 13 累計 人/4年",
      "kumamoto-2020 18 累計 社/4年",
      "kumamoto-2020 32 累計 企業・団体等/4年",
      "kumamoto-2020 36 累計 人/4年",
      "kumamoto-2020 48 累計 件/4年",
      "kumamoto-2020 5 累計 件/4年",
    ]);
    const kamaGoals = await database.prisma.valueSeries.findMany({
      where: { measure: { plan: { slug: "kama-2020" }, kind: "goal" } },
      select: { unit: true, measure: { select: { number: true } } },
      orderBy: { measure: { number: "asc" } },
    });
    expect(kamaGoals.map((s) => `${s.measure.number} ${s.unit ?? "－"}`)).toEqual(["G1 人", "G2 人", "G3 －", "G4 %", "P 人"]);
    const section1 = await database.prisma.planSection.findFirst({ where: { key: "1", plan: { slug: "kama-2020" } } });
    expect(section1).toMatchObject({ label: "基本目標1", title: "生まれ育った若者たちが定住したくなるよう、安定した雇用を生み出す" });
  });

  it("refuses a seed file with a wrong field, names the file, measure and field, and changes nothing", async () => {
    const before = await snapshot();
    const dir = mkdtempSync(path.join(tmpdir(), "kpi-bad-seed-"));
    try {
      cpSync(SEED_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}sources`) });
      const file = path.join(dir, "plans", "kumamoto-2020", "measures", "06.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^confidence: \w+$/m, "confidence: certain"));
      const error = await seedDatabase(database.prisma, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedValidationError);
      const message = (error as Error).message;
      expect(message).toContain("plans/kumamoto-2020/measures/06.yaml");
      expect(message).toContain("[No 6]");
      expect(message).toContain("confidence");
      expect(await snapshot()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a value that is not in the source lines (invented data)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kpi-bad-seed-"));
    try {
      cpSync(SEED_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}sources`) });
      const file = path.join(dir, "plans", "kumamoto-2020", "measures", "06.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace('"1,759"', '"1,760"'));
      const error = await seedDatabase(database.prisma, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedValidationError);
      expect((error as Error).message).toContain("「1,760」 is not in 001_7a30b14ae71f20b7.txt");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
