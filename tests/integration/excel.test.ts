// Excel out and in against the real database: the export holds the published plan; the unchanged export
// re-imported changes nothing; one bad cell refuses the whole file naming the cell; a valid change becomes
// a draft of the owning department's sheet with an audit record; another department's value is refused.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Workbook, Worksheet } from "exceljs";
import type { Actor } from "../../lib/authz/permissions";
import { exportPlanWorkbook } from "../../lib/excel/export";
import { applyExcelImport, previewExcelImport, type ConfirmedChange } from "../../lib/excel/apply-import";
import { readWorkbook } from "../../lib/excel/import";
import { KEY_NUMBER, KEY_SERIES, SHEET_NARRATIVES, SHEET_VALUES, yearHeader } from "../../lib/excel/layout";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const REF = { organizationCode: "430005", planSlug: "kumamoto-2020", evaluationYear: 2023 };
const w = {} as { officer: Actor; admin: Actor; planId: string; shokoId: string; exported: Uint8Array };

beforeAll(async () => {
  const p = database.prisma;
  const org = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020", organizationId: org.id } });
  await p.evaluationYear.create({ data: { planId: plan.id, fiscalYear: 2023, status: "open" } });
  const shoko = await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path: "商工労働部" }, include: { children: true } });
  w.officer = { id: "excel-officer", memberships: [{ organizationId: org.id, role: "officer", unitIds: [shoko.id, ...shoko.children.map((c) => c.id)] }] };
  w.admin = { id: "excel-admin", memberships: [{ organizationId: org.id, role: "admin", unitIds: [] }] };
  for (const a of [w.officer, w.admin]) await p.user.create({ data: { id: a.id, email: `${a.id}@example.jp`, name: a.id } });
  w.planId = plan.id;
  w.shokoId = shoko.id;
  w.exported = await exportAs(w.officer);
});

/** The plan's export as a member downloads it (with each row's 版). */
async function exportAs(reader: Actor): Promise<Uint8Array> {
  const result = await exportPlanWorkbook(database.prisma, { organizationCode: "430005", planSlug: "kumamoto-2020", reader });
  if ("notFound" in result) throw new Error("no export");
  return result.buffer;
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = await readWorkbook(bytes);
  if (!wb) throw new Error("not a workbook");
  return wb;
}

function col(ws: Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => (c.value === header ? (found = i) : undefined));
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

function rowOf(ws: Worksheet, no: string, label?: string): number {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, col(ws, KEY_NUMBER)).value === no && (label === undefined || ws.getCell(r, col(ws, KEY_SERIES)).value === label)) return r;
  }
  throw new Error(`no row ${no}`);
}

/** The export with some R5 cells changed, as bytes again. */
async function edited(changes: [no: string, value: unknown][], from = w.exported, more?: (wb: Workbook) => void): Promise<{ bytes: Uint8Array; rows: number[] }> {
  const wb = await load(from);
  more?.(wb);
  const ws = wb.getWorksheet(SHEET_VALUES)!;
  const rows = changes.map(([no, value]) => {
    const r = rowOf(ws, no);
    ws.getCell(r, col(ws, yearHeader(2023))).value = value as never;
    return r;
  });
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), rows };
}

async function counts() {
  const p = database.prisma;
  return { audit: await p.auditLog.count(), drafts: await p.sheetEntryValue.count(), entries: await p.sheetEntry.count(), actuals: await p.seriesValue.count() };
}

describe("Excel export", () => {
  it("holds every measure × series with numbers as numbers and text cells as text", async () => {
    const wb = await load(w.exported);
    const ws = wb.getWorksheet(SHEET_VALUES)!;
    expect(ws.rowCount - 1).toBe(await database.prisma.valueSeries.count({ where: { measure: { planId: w.planId } } }));
    const r5 = col(ws, "R5実績値（2023）");
    expect(col(ws, "R1実績値（2019）")).toBeLessThan(col(ws, "R2実績値（2020）"));
    const no6 = ws.getCell(rowOf(ws, "6"), r5);
    expect(no6.type).toBe(ExcelJS.ValueType.Number);
    expect(no6.value).toBe(1759);
    expect(no6.text).toBe("1759"); // exceljs' text ignores the number format; Excel shows 1,759
    expect(no6.numFmt).toBe("#,##0");
    expect(ws.getCell(rowOf(ws, "6"), col(ws, "進捗状況")).value).toBe("達成");
    const texts: unknown[] = [];
    ws.eachRow((row, r) => r > 1 && row.eachCell((c) => (c.value === "集計中" ? texts.push(c.type) : undefined)));
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts)).toEqual(new Set([ExcelJS.ValueType.String]));
    const narratives = wb.getWorksheet(SHEET_NARRATIVES)!;
    const no9 = [] as unknown[];
    narratives.eachRow((row) => (row.getCell(1).value === "9" ? no9.push(row.getCell(5).value) : undefined));
    expect(no9).toEqual(["令和2年度（2020）", "令和5年度（2023）"]);
  });

  it("a department's part holds only its measures; an unknown department or plan is not found", async () => {
    const result = await exportPlanWorkbook(database.prisma, { organizationCode: "430005", planSlug: "kumamoto-2020", departmentId: w.shokoId });
    if ("notFound" in result) throw new Error("no export");
    expect(result.fileName).toBe("熊本県_第2期 熊本県まち・ひと・しごと創生総合戦略_商工労働部.xlsx");
    const ws = (await load(result.buffer)).getWorksheet(SHEET_VALUES)!;
    const departments = new Set<unknown>();
    ws.eachRow((row, r) => r > 1 && departments.add(row.getCell(col(ws, "担当部局")).value));
    expect([...departments].every((d) => String(d).includes("商工労働部"))).toBe(true);
    expect(ws.rowCount).toBeGreaterThan(10);
    expect(await exportPlanWorkbook(database.prisma, { organizationCode: "430005", planSlug: "kumamoto-2020", departmentId: "nope" })).toEqual({ notFound: "department" });
    expect(await exportPlanWorkbook(database.prisma, { organizationCode: "430005", planSlug: "nope" })).toEqual({ notFound: "plan" });
  });

  it("a plan being set up (準備中) is exported to its organisation's members only, and retired KPIs are left out", async () => {
    const p = database.prisma;
    const plan = await p.plan.update({ where: { id: w.planId }, data: { status: "preparing" } });
    const retired = await p.measure.update({ where: { planId_number: { planId: plan.id, number: "6" } }, data: { retiredAt: new Date() } });
    try {
      const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
      for (const reader of [null, { memberships: [{ organizationId: kama.id }] }]) {
        expect(await exportPlanWorkbook(p, { organizationCode: "430005", planSlug: "kumamoto-2020", reader })).toEqual({ notFound: "plan" });
      }
      const member = await exportPlanWorkbook(p, { organizationCode: "430005", planSlug: "kumamoto-2020", reader: w.admin });
      if ("notFound" in member) throw new Error("a member gets the export");
      const ws = (await load(member.buffer)).getWorksheet(SHEET_VALUES)!;
      const numbers = new Set<unknown>();
      ws.eachRow((row, r) => r > 1 && numbers.add(String(row.getCell(col(ws, "No")).value)));
      expect(numbers.has("5")).toBe(true);
      expect(numbers.has("6")).toBe(false);
    } finally {
      await p.plan.update({ where: { id: plan.id }, data: { status: "ended" } });
      await p.measure.update({ where: { id: retired.id }, data: { retiredAt: null } });
    }
  });
});

describe("Excel import", () => {
  it("the unchanged export re-imported changes nothing", async () => {
    const before = await counts();
    for (const actor of [w.officer, w.admin]) {
      expect(await previewExcelImport(database.prisma, actor, { ...REF, bytes: w.exported })).toEqual({ ok: true, changes: [], notImported: [] });
    }
    expect(await applyExcelImport(database.prisma, w.officer, { ...REF, changes: [] })).toEqual({ ok: true, values: 0, narratives: 0, kept: 0, sheets: [] });
    expect(await counts()).toEqual(before);
  });

  it("one bad cell refuses the whole file, naming the sheet, row and column", async () => {
    const before = await counts();
    const { bytes, rows } = await edited([["17", 80], ["13", "たくさん"]]);
    const result = await previewExcelImport(database.prisma, w.officer, { ...REF, bytes });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`^シート『指標』の${rows[1]}行目、列『R5実績値（2023）』：数値`));
    expect(await counts()).toEqual(before);
  });

  it("an officer changing another department's value is refused, and nothing changes", async () => {
    const before = await counts();
    const { bytes, rows } = await edited([["17", 80], ["1", 5]]);
    const result = await previewExcelImport(database.prisma, w.officer, { ...REF, bytes });
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(new RegExp(`^シート『指標』の${rows[1]}行目、列『R5実績値（2023）』：No 1「.+」は担当外の指標のため、値を変更できません$`))] });
    // nor through a forged confirmation: applying re-checks the rights
    const no1 = await database.prisma.measure.findFirstOrThrow({ where: { planId: w.planId, number: "1" }, include: { series: true } });
    const entry = await database.prisma.sheetEntry.findFirst({ where: { measureId: no1.id, evaluationYear: 2023 } });
    const forged = await applyExcelImport(database.prisma, w.officer, {
      ...REF,
      changes: [{ kind: "value", measureId: no1.id, sheet: SHEET_VALUES, row: rows[1], version: entry?.version ?? 0, stale: false, seriesId: no1.series[0].id, before: null, after: { value: "5", text: "5" } }],
    });
    expect(forged.ok).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("a valid change is saved as a draft of the owning sheet with one audit record; the published value stays", async () => {
    const p = database.prisma;
    const before = await counts();
    const { bytes } = await edited([["17", 80]]);
    const preview = await previewExcelImport(p, w.officer, { ...REF, bytes });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.changes.map((c) => c.kind === "value" && [c.number, c.seriesLabel, c.before, c.after, c.stale])).toEqual([["17", "単年", { value: "72", text: "72" }, { value: "80", text: "80" }, false]]);
    const entryBefore = await p.sheetEntry.findFirst({ where: { measureId: preview.changes[0].measureId, evaluationYear: 2023 } });
    const change = preview.changes[0];
    if (change.kind !== "value") throw new Error("a value change");

    const applied = await applyExcelImport(p, w.officer, { ...REF, changes: preview.changes as ConfirmedChange[] });
    expect(applied).toMatchObject({ ok: true, values: 1, sheets: [{ number: "17" }] });
    const entry = await p.sheetEntry.findFirstOrThrow({ where: { measureId: preview.changes[0].measureId, evaluationYear: 2023 }, include: { draftValues: true } });
    expect(entry.state).toBe("draft");
    expect(entry.updatedVia).toBe("workbook");
    expect(entry.version).toBe((entryBefore?.version ?? 0) + 1);
    expect(entry.draftValues.map((v) => [v.fiscalYear, v.value?.toString(), v.text])).toEqual([[2023, "80", "80"]]);
    const audits = await p.auditLog.findMany({ where: { action: "sheet.import" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "SheetEntry", entityId: entry.id, userId: w.officer.id, channel: "workbook" });
    const published = await p.seriesValue.findFirstOrThrow({ where: { seriesId: change.seriesId, kind: "actual", fiscalYear: 2023 } });
    expect(published.value?.toString()).toBe("72");
    expect(await counts()).toMatchObject({ audit: before.audit + 1, drafts: before.drafts + 1, actuals: before.actuals });

    // the same file again: the draft already holds 80, so nothing to do
    expect(await previewExcelImport(p, w.officer, { ...REF, bytes })).toEqual({ ok: true, changes: [], notImported: [] });
    // applying the old confirmation again is refused: the sheet is no longer at the version it was checked against
    const again = await applyExcelImport(p, w.officer, { ...REF, changes: preview.changes as ConfirmedChange[] });
    expect(again).toEqual({ ok: false, errors: [expect.stringContaining("確認のあとで No 17「")] });
  });

  it("a submitted sheet and a closed evaluation year are refused", async () => {
    const p = database.prisma;
    const no17 = await p.measure.findFirstOrThrow({ where: { planId: w.planId, number: "17" } });
    await p.sheetEntry.update({ where: { measureId_evaluationYear: { measureId: no17.id, evaluationYear: 2023 } }, data: { state: "submitted" } });
    const { bytes } = await edited([["17", 81]]);
    const submitted = await previewExcelImport(p, w.officer, { ...REF, bytes });
    expect(submitted).toEqual({ ok: false, errors: [expect.stringContaining("提出済みのため、企画担当が差し戻すまで変更できません")] });
    await p.sheetEntry.update({ where: { measureId_evaluationYear: { measureId: no17.id, evaluationYear: 2023 } }, data: { state: "draft" } });

    await p.evaluationYear.update({ where: { planId_fiscalYear: { planId: w.planId, fiscalYear: 2023 } }, data: { status: "closed" } });
    const closed = await previewExcelImport(p, w.officer, { ...REF, bytes });
    expect(closed).toEqual({ ok: false, errors: ["令和5年度（2023）の評価は受付中ではありません。企画担当が受付を始めてから取り込んでください。"] });
    await p.evaluationYear.update({ where: { planId_fiscalYear: { planId: w.planId, fiscalYear: 2023 } }, data: { status: "open" } });
  });

  it("someone outside the organisation may not import at all; a non-workbook is refused", async () => {
    const kama = await database.prisma.organization.findUniqueOrThrow({ where: { code: "402273" } });
    const stranger: Actor = { id: "x", memberships: [{ organizationId: kama.id, role: "admin", unitIds: [] }] };
    expect(await previewExcelImport(database.prisma, stranger, { ...REF, bytes: w.exported })).toMatchObject({ ok: false, errors: [expect.stringContaining("権限がありません")] });
    expect(await previewExcelImport(database.prisma, w.officer, { ...REF, bytes: new TextEncoder().encode("not a workbook") })).toMatchObject({ ok: false, errors: [expect.stringContaining(".xlsx")] });
  });
});
