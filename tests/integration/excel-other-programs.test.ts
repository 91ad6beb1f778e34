// Workbooks written by other programs import: the seeded kumamoto-2020 export opened and saved by Python's openpyxl
// (which exceljs alone cannot read: see lib/excel/xlsx-package.ts) and by LibreOffice Calc, each with one known edit.
// The edit arrives, nothing else is reported changed or not imported, and the print setup survives.
//
// The fixtures are regenerated from a fresh seeded database with:
//   DATABASE_URL=… npx tsx tests/fixtures/build-excel-export.ts 430005 kumamoto-2020 /tmp/kumamoto-2020.xlsx
//   /usr/bin/python3 tests/fixtures/make-excel-fixtures.py /tmp/kumamoto-2020.xlsx tests/fixtures
// (openpyxl: No 17's R5実績値（2023） → 99; LibreOffice: No 18's 取組状況 of 令和5年度（2023） → TEST_TEXT). When the
// seeds change, regenerate them: this test then reports every cell that no longer matches.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { applyExcelImport, previewExcelImport, type ConfirmedChange } from "../../lib/excel/apply-import";
import { readZip } from "../../lib/excel/zip";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const REF = { organizationCode: "430005", planSlug: "kumamoto-2020", evaluationYear: 2023 };
const TEST_TEXT = "LibreOffice で書き換えた取組状況（テスト用）";
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../fixtures", name)));
let officer: Actor;

beforeAll(async () => {
  const p = database.prisma;
  const org = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020", organizationId: org.id } });
  await p.evaluationYear.create({ data: { planId: plan.id, fiscalYear: 2023, status: "open" } });
  const shoko = await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path: "商工労働部" }, include: { children: true } });
  officer = { id: "other-programs-officer", memberships: [{ organizationId: org.id, role: "officer", unitIds: [shoko.id, ...shoko.children.map((c) => c.id)] }] };
  await p.user.create({ data: { id: officer.id, email: "other-programs@example.jp", name: "商工 担当" } });
});

async function importOnly(name: string) {
  const p = database.prisma;
  const before = { entries: await p.sheetEntry.findMany({ orderBy: { id: "asc" } }), drafts: await p.sheetEntryValue.count(), actuals: await p.seriesValue.count() };
  const preview = await previewExcelImport(p, officer, { ...REF, bytes: fixture(name) });
  if (!preview.ok) throw new Error(preview.errors.join("\n"));
  expect(preview.notImported).toEqual([]);
  expect(preview.changes).toHaveLength(1);
  const applied = await applyExcelImport(p, officer, { ...REF, changes: preview.changes as ConfirmedChange[] });
  expect(applied).toMatchObject({ ok: true, sheets: [{ number: preview.changes[0].number }] });
  // only the edited sheet moved
  const after = await p.sheetEntry.findMany({ orderBy: { id: "asc" } });
  const moved = after.filter((e, i) => e.version !== before.entries[i].version).map((e) => e.measureId);
  expect(moved).toEqual([preview.changes[0].measureId]);
  expect(await p.seriesValue.count()).toBe(before.actuals);
  return { change: preview.changes[0], draftsBefore: before.drafts };
}

describe("a workbook saved by another program", () => {
  it("openpyxl: No 17's R5 value arrives as the draft, nothing else changes", async () => {
    const { change, draftsBefore } = await importOnly("excel-export-openpyxl.xlsx");
    expect(change).toMatchObject({ kind: "value", number: "17", after: { value: "99", text: "99" }, stale: false });
    const entry = await database.prisma.sheetEntry.findFirstOrThrow({ where: { measureId: change.measureId, evaluationYear: 2023 }, include: { draftValues: true } });
    expect(entry.draftValues.map((v) => v.value?.toString())).toEqual(["99"]);
    expect(entry.updatedVia).toBe("workbook");
    expect(await database.prisma.sheetEntryValue.count()).toBe(draftsBefore + 1);
  });

  it("LibreOffice: No 18's 取組状況 arrives as the draft narrative, nothing else changes", async () => {
    const { change, draftsBefore } = await importOnly("excel-export-libreoffice.xlsx");
    expect(change).toMatchObject({ kind: "narrative", number: "18", field: "effortStatus", after: TEST_TEXT, stale: false });
    const entry = await database.prisma.sheetEntry.findFirstOrThrow({ where: { measureId: change.measureId, evaluationYear: 2023 } });
    expect(entry.effortStatus).toBe(TEST_TEXT);
    expect(entry.publishedEffortStatus).not.toBe(TEST_TEXT);
    expect(await database.prisma.sheetEntryValue.count()).toBe(draftsBefore);
  });

  it("both keep the A4 print setup and hide no column", () => {
    // read from the sheet's XML: LibreOffice writes booleans as "true", which exceljs reads as false
    const yes = '(?:1|true)"';
    for (const name of ["excel-export-openpyxl.xlsx", "excel-export-libreoffice.xlsx"]) {
      const xml = readZip(fixture(name)).find((e) => e.name === "xl/worksheets/sheet1.xml")!.data.toString("utf8");
      expect(xml, name).toMatch(new RegExp(`<pageSetUpPr [^>]*fitToPage="${yes}`));
      const setup = /<pageSetup [^>]*>/.exec(xml)?.[0] ?? "";
      for (const attr of ['paperSize="9"', 'orientation="landscape"', 'fitToWidth="1"', 'fitToHeight="0"']) expect(setup, name).toContain(attr);
      expect(xml, name).not.toMatch(new RegExp(`<col [^>]*hidden="${yes}`));
    }
  });
});
