// Formula injection in the downloads: a published narrative that starts with =, +, -, @, a tab or a carriage
// return must not become something a spreadsheet program evaluates. The open-data CSV neutralises it with a leading
// apostrophe (lib/opendata/csv.ts, OWASP); the .xlsx export writes every text as a typed string cell, never as a
// formula (the CSV side is tested in lib/opendata/csv.test.ts). This test reads the workbook's XML parts.
import { beforeAll, describe, expect, it } from "vitest";
import { exportPlanWorkbook } from "../../lib/excel/export";
import { readZip } from "../../lib/excel/zip";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"];

beforeAll(async () => {
  const entries = await database.prisma.sheetEntry.findMany({ where: { measure: { plan: { slug: "kumamoto-2020" } }, publishedEffortStatus: { not: null } }, take: HOSTILE.length, orderBy: { id: "asc" } });
  for (const [i, e] of entries.entries()) await database.prisma.sheetEntry.update({ where: { id: e.id }, data: { publishedEffortStatus: HOSTILE[i] } });
});

describe("formula injection", () => {
  it("the .xlsx export holds no formula, and the hostile texts are string cells as they were written", async () => {
    const result = await exportPlanWorkbook(database.prisma, { organizationCode: "430005", planSlug: "kumamoto-2020" });
    if ("notFound" in result) throw new Error("no plan");
    const parts = readZip(result.buffer).filter((e) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(e.name));
    const xml = parts.map((p) => p.data.toString("utf8")).join("\n");
    expect(xml).not.toMatch(/<f[ >]/); // no formula element anywhere in any sheet
    const strings = parts.find((p) => p.name === "xl/sharedStrings.xml")?.data.toString("utf8") ?? "";
    for (const text of ["=HYPERLINK", "+1+1", "@SUM(A1)"]) expect(strings + xml).toContain(text.replace(/"/g, "&quot;"));
  });
});
