// Excel that never drops an edit, against the real database: a narrative edited in 記述 is previewed and saved into
// the draft (channel workbook, audited, published text untouched); edits outside the open year are listed, not
// imported; a workbook older than the sheet is flagged per row and needs a choice (keep / take the file's), and
// never reverts the newer draft silently; a change between preview and confirmation is refused, not overwritten;
// the written file prints on A4 and hides no column.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Workbook, Worksheet } from "exceljs";
import type { Actor } from "../../lib/authz/permissions";
import { exportPlanWorkbook } from "../../lib/excel/export";
import { applyExcelImport, previewExcelImport, type ConfirmedChange } from "../../lib/excel/apply-import";
import { readWorkbook, rowKey } from "../../lib/excel/import";
import { KEY_NUMBER, SHEET_NARRATIVES, SHEET_VALUES, VERSION_HEADER, yearHeader } from "../../lib/excel/layout";
import { saveSheetEntry } from "../helpers/outcome";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const REF = { organizationCode: "430005", planSlug: "kumamoto-2020", evaluationYear: 2023 };
const w = {} as { officer: Actor; planId: string };

beforeAll(async () => {
  const p = database.prisma;
  const org = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020", organizationId: org.id } });
  await p.evaluationYear.create({ data: { planId: plan.id, fiscalYear: 2023, status: "open" } });
  const shoko = await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path: "商工労働部" }, include: { children: true } });
  w.officer = { id: "versions-officer", memberships: [{ organizationId: org.id, role: "officer", unitIds: [shoko.id, ...shoko.children.map((c) => c.id)] }] };
  await p.user.create({ data: { id: w.officer.id, email: "versions-officer@example.jp", name: "商工 担当" } });
  w.planId = plan.id;
});

async function exported(reader: Actor | null = w.officer): Promise<Uint8Array> {
  const result = await exportPlanWorkbook(database.prisma, { ...REF, reader });
  if ("notFound" in result) throw new Error("no export");
  return result.buffer;
}

const col = (ws: Worksheet, header: string) => {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => (c.value === header ? (found = i) : undefined));
  if (!found) throw new Error(`no column ${header}`);
  return found;
};
const valueRow = (ws: Worksheet, no: string) => {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, col(ws, KEY_NUMBER)).value === no) return r;
  throw new Error(`no row ${no}`);
};
const narrativeRow = (ws: Worksheet, no: string, year = "令和5年度（2023）") => {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === no && ws.getCell(r, 5).value === year) return r;
  throw new Error(`no narrative row ${no}`);
};

async function edit(bytes: Uint8Array, fn: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = (await readWorkbook(bytes))!;
  fn(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function entryOf(no: string) {
  const m = await database.prisma.measure.findFirstOrThrow({ where: { planId: w.planId, number: no }, include: { series: true } });
  const entry = await database.prisma.sheetEntry.findUniqueOrThrow({ where: { measureId_evaluationYear: { measureId: m.id, evaluationYear: 2023 } }, include: { draftValues: true } });
  return { measure: m, entry };
}

async function preview(bytes: Uint8Array) {
  const result = await previewExcelImport(database.prisma, w.officer, { ...REF, bytes });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

describe("narratives (記述)", () => {
  it("an edited 取組状況 is previewed old → new and saved into the draft through the workbook channel, audited", async () => {
    const { entry: before } = await entryOf("18");
    const bytes = await edit(await exported(), (wb) => {
      const ws = wb.getWorksheet(SHEET_NARRATIVES)!;
      ws.getCell(narrativeRow(ws, "18"), col(ws, "取組状況")).value = "Excel で書き換えた取組状況";
    });
    const result = await preview(bytes);
    expect(result.changes.map((c) => c.kind === "narrative" && [c.number, c.field, c.before, c.after, c.stale])).toEqual([["18", "effortStatus", before.effortStatus, "Excel で書き換えた取組状況", false]]);
    expect(await applyExcelImport(database.prisma, w.officer, { ...REF, changes: result.changes as ConfirmedChange[] })).toMatchObject({ ok: true, values: 0, narratives: 1 });
    const { entry } = await entryOf("18");
    expect(entry).toMatchObject({ state: "draft", version: before.version + 1, effortStatus: "Excel で書き換えた取組状況", issues: before.issues, direction: before.direction, publishedEffortStatus: before.publishedEffortStatus, updatedVia: "workbook" });
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "sheet.import", entityId: entry.id } });
    expect(audit.channel).toBe("workbook");
    expect(audit.before).toMatchObject({ effortStatus: before.effortStatus });
    expect(audit.after).toMatchObject({ effortStatus: "Excel で書き換えた取組状況" });
  });
});

describe("edits outside the open year", () => {
  it("are listed with sheet, cell and KPI and not imported", async () => {
    const counts = async () => [await database.prisma.sheetEntryValue.count(), await database.prisma.seriesValue.count(), await database.prisma.auditLog.count()];
    const before = await counts();
    let cells: string[] = [];
    const bytes = await edit(await exported(), (wb) => {
      const ws = wb.getWorksheet(SHEET_VALUES)!;
      const r = valueRow(ws, "19");
      const r4 = ws.getCell(r, col(ws, yearHeader(2022)));
      const target = ws.getCell(r, col(ws, "目標値"));
      r4.value = 1;
      target.value = "たくさん";
      const narratives = wb.getWorksheet(SHEET_NARRATIVES)!;
      const older = narratives.getCell(narrativeRow(narratives, "9", "令和2年度（2020）"), col(narratives, "課題等"));
      older.value = "昔の課題を書き換えた";
      cells = [r4.address, target.address, older.address];
    });
    const result = await preview(bytes);
    expect(result.changes).toEqual([]);
    expect(result.notImported.map((n) => [n.sheet, n.cell, n.number, n.column])).toEqual([
      [SHEET_VALUES, cells[0], "19", yearHeader(2022)],
      [SHEET_VALUES, cells[1], "19", "目標値"],
      [SHEET_NARRATIVES, cells[2], "9", "課題等"],
    ]);
    expect(result.notImported[0].file).toEqual({ value: "1", text: null });
    expect(await counts()).toEqual(before);
  });
});

describe("a workbook older than the sheet", () => {
  it("is flagged per row and needs a choice; keeping writes nothing, taking the file's writes it", async () => {
    const old = await exported();
    // after the export, the department saves a draft on the sheet's own page
    const { measure, entry } = await entryOf("17");
    const series = measure.series[0];
    const saved = await saveSheetEntry(database.prisma, w.officer, { measureId: measure.id, evaluationYear: 2023, version: entry.version, effortStatus: "画面で保存した取組", issues: entry.issues, direction: entry.direction, values: { [series.id]: "75" } }, "draft");
    expect(saved.ok).toBe(true);
    const bytes = await edit(old, (wb) => {
      const ws = wb.getWorksheet(SHEET_VALUES)!;
      ws.getCell(valueRow(ws, "17"), col(ws, yearHeader(2023))).value = 90;
      expect(ws.getCell(valueRow(ws, "17"), col(ws, VERSION_HEADER)).value).toBe(entry.version);
    });
    const result = await preview(bytes);
    expect(result.changes.map((c) => c.kind === "value" && [c.number, c.before, c.after, c.fileVersion, c.version, c.stale])).toEqual([
      ["17", { value: "75", text: "75" }, { value: "90", text: "90" }, entry.version, entry.version + 1, true],
    ]);
    const changes = result.changes as ConfirmedChange[];
    const key = rowKey(result.changes[0]);

    const missing = await applyExcelImport(database.prisma, w.officer, { ...REF, changes });
    expect(missing).toMatchObject({ ok: false, missingChoices: [key], errors: [expect.stringContaining("書き出し後に更新されています")] });
    expect((await entryOf("17")).entry.draftValues.map((v) => v.value?.toString())).toEqual(["75"]);

    const kept = await applyExcelImport(database.prisma, w.officer, { ...REF, changes, choices: { [key]: "keep" } });
    expect(kept).toEqual({ ok: true, values: 0, narratives: 0, kept: 1, sheets: [] });
    expect((await entryOf("17")).entry).toMatchObject({ version: entry.version + 1, effortStatus: "画面で保存した取組" });

    const taken = await applyExcelImport(database.prisma, w.officer, { ...REF, changes, choices: { [key]: "file" } });
    expect(taken).toMatchObject({ ok: true, values: 1 });
    const after = (await entryOf("17")).entry;
    expect(after.draftValues.map((v) => v.value?.toString())).toEqual(["90"]);
    expect(after.effortStatus).toBe("画面で保存した取組"); // only the row's changed cell is taken
  });

  it("a change between preview and confirmation is refused, not overwritten", async () => {
    const bytes = await edit(await exported(), (wb) => {
      const ws = wb.getWorksheet(SHEET_VALUES)!;
      ws.getCell(valueRow(ws, "13"), col(ws, yearHeader(2023))).value = 4321;
    });
    const result = await preview(bytes);
    expect(result.changes.map((c) => [c.number, c.stale])).toEqual([["13", false]]);
    const { measure, entry } = await entryOf("13");
    const saved = await saveSheetEntry(database.prisma, w.officer, { measureId: measure.id, evaluationYear: 2023, version: entry.version, effortStatus: entry.effortStatus, issues: entry.issues, direction: "確認の間に保存", values: {} }, "draft");
    expect(saved.ok).toBe(true);
    const applied = await applyExcelImport(database.prisma, w.officer, { ...REF, changes: result.changes as ConfirmedChange[] });
    expect(applied).toEqual({ ok: false, errors: [expect.stringMatching(/^シート『指標』の\d+行目：確認のあとで No 13「.+」のシートが更新されました（版 1 → 2）。上書きしていません/)] });
    expect((await entryOf("13")).entry).toMatchObject({ version: entry.version + 1, direction: "確認の間に保存", draftValues: [] });
  });
});

describe("the written file", () => {
  it("prints on A4 landscape fitted to the page width with the header repeated, hides no column, and gives the public no versions", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported()) as unknown as ArrayBuffer);
    for (const name of [SHEET_VALUES, SHEET_NARRATIVES]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
      ws.columns.forEach((c) => expect(c.hidden, `${name} column ${c.number}`).toBeFalsy());
    }
    const values = wb.getWorksheet(SHEET_VALUES)!;
    expect(values.getCell(valueRow(values, "2"), col(values, VERSION_HEADER)).value).toBe(1);
    const anonymous = (await readWorkbook(await exported(null)))!.getWorksheet(SHEET_VALUES)!;
    expect(anonymous.getCell(valueRow(anonymous, "2"), col(anonymous, VERSION_HEADER)).value).toBeNull();
  });
});
