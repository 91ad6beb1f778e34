import { describe, expect, it } from "vitest";
import type { Workbook, Worksheet } from "exceljs";
import type { Actor } from "../authz/permissions";
import { buildPlanWorkbook, type ExportData } from "./build-workbook";
import { formatIssue, parseImport, readWorkbook, sameCell, type ImportContext } from "./import";
import { KEY_NUMBER, KEY_SERIES, SHEET_ABOUT, SHEET_NARRATIVES, SHEET_VALUES, VERSION_HEADER, yearHeader } from "./layout";

const ORG = "org-kumamoto";
const officer: Actor = { id: "u1", memberships: [{ organizationId: ORG, role: "officer", unitIds: ["shoko"] }] };
const admin: Actor = { id: "u2", memberships: [{ organizationId: ORG, role: "admin", unitIds: [] }] };

const cell = (value: string | null, text: string | null) => ({ value, text });
const NONE = { issues: [], changes: [], notImported: [] };

function exportData(): ExportData {
  return {
    organization: { code: "430005", name: "熊本県", license: "PDL1.0" },
    plan: { slug: "kumamoto-2020", name: "第2期 総合戦略", startYear: 2020, endYear: 2023 },
    department: null,
    statusYear: 2023,
    versionYear: 2023,
    years: [2020, 2021, 2022, 2023],
    generatedAt: new Date("2024-06-01T00:00:00Z"),
    measures: [
      {
        number: "1",
        name: "健康の指標",
        departments: "健康福祉部",
        divisions: "健康づくり推進課",
        statusLabel: "達成", statusNote: null,
        series: [{ label: "累計", unit: "人", baselineYear: "R1（2019）", baseline: cell("80", "80"), actuals: new Map([[2022, cell("100", "100")], [2023, cell("1200", "1,200")]]), target: cell("1000", "1,000"), targetYear: "R5（2023）" }],
        version: 1,
        narratives: [{ evaluationYear: 2023, effortStatus: "取り組んだ", issues: null, direction: "続ける", version: 1 }],
      },
      {
        number: "15",
        name: "製造品出荷額",
        departments: "商工労働部",
        divisions: "商工政策課",
        statusLabel: "遅れ", statusNote: null,
        version: 1,
        series: [
          { label: "単年", unit: "億円", baselineYear: null, baseline: null, actuals: new Map([[2023, cell("-7.7", "平均△7.7")]]), target: null, targetYear: null },
          { label: "累計", unit: "億円", baselineYear: null, baseline: null, actuals: new Map([[2023, cell(null, "集計中")]]), target: cell(null, "前年比増"), targetYear: null },
        ],
        narratives: [],
      },
      {
        number: "追加1",
        name: "企業立地",
        departments: "商工労働部",
        divisions: "企業立地課",
        statusLabel: "判定不能", statusNote: null,
        version: 0,
        series: [{ label: "県", unit: "%", baselineYear: null, baseline: null, actuals: new Map(), target: null, targetYear: null }],
        narratives: [],
      },
    ],
  };
}

function context(overrides: Partial<ImportContext> = {}, states: Record<string, ImportContext["measures"][number]["entryState"]> = {}): ImportContext {
  return {
    organizationId: ORG,
    organizationCode: "430005",
    planSlug: "kumamoto-2020",
    planName: "第2期 総合戦略",
    evaluationYear: 2023,
    evaluationYearOpen: true,
    measures: [
      { id: "m1", number: "1", name: "健康の指標", ownerUnitIds: ["kenko"], entryState: states["1"] ?? "published", version: 1, narratives: texts("取り組んだ", null, "続ける"), series: [{ id: "s1", label: "累計", unit: "人", current: cell("1200", "1,200"), published: cell("1200", "1,200") }] },
      {
        id: "m15",
        number: "15",
        name: "製造品出荷額",
        ownerUnitIds: ["shoko"],
        entryState: states["15"] ?? "published",
        version: 1,
        narratives: texts(null, null, null),
        series: [
          { id: "s15a", label: "単年", unit: "億円", current: cell("-7.7", "平均△7.7"), published: cell("-7.7", "平均△7.7") },
          { id: "s15b", label: "累計", unit: "億円", current: cell(null, "集計中"), published: cell(null, "集計中") },
        ],
      },
      { id: "m16", number: "追加1", name: "企業立地", ownerUnitIds: ["shoko"], entryState: states["追加1"] ?? null, version: 0, narratives: texts(null, null, null), series: [{ id: "s16", label: "県", unit: "%", current: null, published: null }] },
    ],
    reference: exportData(),
    ...overrides,
  };
}

function texts(effortStatus: string | null, issues: string | null, direction: string | null) {
  const n = { effortStatus, issues, direction };
  return { current: n, published: { ...n } };
}

/** The export, edited like a user would, written to bytes and read back. */
async function roundTrip(edit?: (ws: Worksheet, wb: Workbook) => void): Promise<Workbook> {
  const wb = buildPlanWorkbook(exportData());
  edit?.(wb.getWorksheet(SHEET_VALUES)!, wb);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const read = await readWorkbook(bytes);
  if (!read) throw new Error("not a workbook");
  return read;
}

function columnOf(ws: Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, col) => {
    if (c.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

function rowOf(ws: Worksheet, no: string, label: string): number {
  const noCol = columnOf(ws, KEY_NUMBER);
  const labelCol = columnOf(ws, KEY_SERIES);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, noCol).value === no && ws.getCell(r, labelCol).value === label) return r;
  throw new Error(`no row ${no} ${label}`);
}

const setR5 = (ws: Worksheet, no: string, label: string, value: unknown) => {
  ws.getCell(rowOf(ws, no, label), columnOf(ws, yearHeader(2023))).value = value as never;
};

describe("parseImport", () => {
  it("the export read back unchanged has no issue and no change", async () => {
    const wb = await roundTrip();
    expect(parseImport(wb, context(), officer)).toEqual(NONE);
    expect(parseImport(wb, context(), admin)).toEqual(NONE);
  });

  it("numbers, typed text and known text cells become changes, compared with the current value", async () => {
    const wb = await roundTrip((ws) => {
      setR5(ws, "15", "単年", -7.7); // same number as 「平均△7.7」: unchanged
      setR5(ws, "15", "累計", "１，８００億円"); // typed like staff type it
      setR5(ws, "追加1", "県", "－");
    });
    const { issues, changes } = parseImport(wb, context(), officer);
    expect(issues).toEqual([]);
    expect(changes.map((c) => [c.number, c.kind === "value" && c.seriesLabel, c.before, c.after])).toEqual([
      ["15", "累計", cell(null, "集計中"), cell("1800", "1,800")],
      ["追加1", "県", null, cell(null, "－")],
    ]);
    expect(changes[0].row).toBe(rowOf(wb.getWorksheet(SHEET_VALUES)!, "15", "累計"));
  });

  it("a blank cell is no change; other years' columns, targets and names are listed as not imported", async () => {
    let cells: string[] = [];
    const wb = await roundTrip((ws) => {
      const r = rowOf(ws, "1", "累計");
      setR5(ws, "1", "累計", null);
      ws.getCell(r, columnOf(ws, yearHeader(2022))).value = "あいう";
      ws.getCell(r, columnOf(ws, "目標値")).value = 1000; // the same number as 「1,000」: no difference
      ws.getCell(rowOf(ws, "15", "単年"), columnOf(ws, "指標名")).value = "製造品出荷額等";
      cells = [ws.getCell(r, columnOf(ws, yearHeader(2022))).address, ws.getCell(rowOf(ws, "15", "単年"), columnOf(ws, "指標名")).address];
    });
    const parsed = parseImport(wb, context(), admin);
    expect(parsed.issues).toEqual([]);
    expect(parsed.changes).toEqual([]);
    expect(parsed.notImported.map((n) => [n.sheet, n.cell, n.number, n.column, n.file?.text, n.current?.text ?? n.current?.value])).toEqual([
      ["指標", cells[0], "1", "R4実績値（2022）", "あいう", "100"],
      ["指標", cells[1], "15", "指標名", "製造品出荷額等", "製造品出荷額"],
    ]);
  });

  it("a bad cell refuses the whole file and names the sheet, row and column", async () => {
    const wb = await roundTrip((ws) => {
      setR5(ws, "15", "累計", "たくさん");
      setR5(ws, "追加1", "県", 5);
    });
    const row = rowOf(wb.getWorksheet(SHEET_VALUES)!, "15", "累計");
    const { issues, changes } = parseImport(wb, context(), officer);
    expect(changes).toEqual([]);
    expect(issues.map(formatIssue)).toEqual([`シート『指標』の${row}行目、列『R5実績値（2023）』：数値（例：1,759、▲12、45.6）または「集計中」「－」「未実施」などの文字で入力してください`]);
  });

  it("dates, booleans and formula errors are refused, not turned into numbers", async () => {
    const wb = await roundTrip((ws) => {
      setR5(ws, "15", "累計", new Date(2023, 3, 1));
      setR5(ws, "追加1", "県", true);
    });
    const { issues } = parseImport(wb, context(), officer);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ sheet: SHEET_VALUES, column: "R5実績値（2023）", message: expect.stringContaining("日付") });
  });

  it("unknown No, unknown series, duplicates and edited keys are each named", async () => {
    const wb = await roundTrip((ws) => {
      const no = columnOf(ws, "No");
      const label = columnOf(ws, "区分");
      const year = columnOf(ws, yearHeader(2023));
      ws.addRow([]);
      const r1 = ws.rowCount + 1;
      ws.getCell(r1, no).value = "99";
      ws.getCell(r1, label).value = "単年";
      ws.getCell(r1, year).value = 1;
      ws.getCell(r1 + 1, no).value = "15";
      ws.getCell(r1 + 1, label).value = "月別";
      ws.getCell(r1 + 1, year).value = 1;
      ws.getCell(r1 + 2, no).value = 15; // typed as a number, matched by its visible No and 区分
      ws.getCell(r1 + 2, label).value = "単年";
      ws.getCell(rowOf(ws, "1", "累計"), no).value = "2"; // the visible No edited, the hidden key not
    });
    const messages = parseImport(wb, context(), admin).issues.map(formatIssue);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^シート『指標』の2行目、列『No』：照合用の列/);
    expect(messages[1]).toMatch(/列『No』：No「99」の指標はこの計画にありません$/);
    expect(messages[2]).toMatch(/列『区分』：No 15 に区分「月別」はありません（この指標の区分：単年、累計）$/);
    expect(messages[3]).toMatch(/列『No』：No 15「単年」の行が重複しています（\d+行目と同じ）$/);
  });

  it("an officer may change only their units' measures; unchanged rows of other departments are fine", async () => {
    const wb = await roundTrip((ws) => {
      setR5(ws, "1", "累計", 1300);
      setR5(ws, "15", "累計", 5);
    });
    const row = rowOf(wb.getWorksheet(SHEET_VALUES)!, "1", "累計");
    const officerResult = parseImport(wb, context(), officer);
    expect(officerResult.changes).toEqual([]);
    expect(officerResult.issues.map(formatIssue)).toEqual([`シート『指標』の${row}行目、列『R5実績値（2023）』：No 1「健康の指標」は担当外の指標のため、値を変更できません`]);
    expect(parseImport(wb, context(), admin).changes).toHaveLength(2);
    const stranger: Actor = { id: "x", memberships: [{ organizationId: "other-org", role: "admin", unitIds: [] }] };
    expect(parseImport(wb, context(), stranger).issues).toHaveLength(2);
  });

  it("a submitted sheet and a closed evaluation year are refused", async () => {
    const wb = await roundTrip((ws) => setR5(ws, "15", "累計", 5));
    expect(parseImport(wb, context({}, { "15": "submitted" }), officer).issues.map(formatIssue)[0]).toContain("提出済みのため、企画担当が差し戻すまで変更できません");
    const closed = parseImport(await roundTrip(), context({ evaluationYearOpen: false }), officer);
    expect(closed.issues.map(formatIssue)).toEqual(["令和5年度（2023）の評価は受付中ではありません。企画担当が受付を始めてから取り込んでください。"]);
  });

  it("a workbook without the year's column or of another plan is refused", async () => {
    const noYear = parseImport(await roundTrip(), context({ evaluationYear: 2024 }), admin);
    expect(noYear.issues.map(formatIssue)).toEqual(["シート『指標』の1行目、列『R6実績値（2024）』：令和6年度（2024）の実績値の列がありません"]);
    const other = parseImport(await roundTrip(), context({ planSlug: "kumamoto-2024" }), admin);
    expect(other.issues.map(formatIssue)[0]).toMatch(/^シート『説明』：別の計画/);
    const wb = await roundTrip((_ws, book) => book.removeWorksheet(book.getWorksheet(SHEET_VALUES)!.id));
    expect(parseImport(wb, context(), admin).issues.map(formatIssue)[0]).toContain("シート『指標』がありません");
    expect(wb.getWorksheet(SHEET_ABOUT)).toBeDefined();
  });

  it("readWorkbook refuses bytes that are not an .xlsx", async () => {
    expect(await readWorkbook(new TextEncoder().encode("No,区分\n1,2"))).toBeNull();
  });
});

/** The 記述 sheet's row of a No and year, and a column by header. */
function narrativeCell(wb: Workbook, no: string, header: string) {
  const ws = wb.getWorksheet(SHEET_NARRATIVES)!;
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === no) return ws.getCell(r, columnOf(ws, header));
  throw new Error(`no narrative row ${no}`);
}

describe("parseImport: narratives (記述)", () => {
  it("an edited narrative is a change from the text now to the file's; a blank cell is none; 「（削除）」 empties", async () => {
    const wb = await roundTrip((_ws, book) => {
      narrativeCell(book, "1", "取組状況").value = "新しい取組\n二行目";
      narrativeCell(book, "1", "課題等").value = 123; // typed as a number: read as its text, never a number
      narrativeCell(book, "1", "今後の方向性").value = "(削除)";
    });
    const { issues, changes } = parseImport(wb, context(), admin);
    expect(issues).toEqual([]);
    expect(changes.map((c) => c.kind === "narrative" && [c.sheet, c.field, c.before, c.after, c.stale])).toEqual([
      [SHEET_NARRATIVES, "effortStatus", "取り組んだ", "新しい取組\n二行目", false],
      [SHEET_NARRATIVES, "issues", null, "123", false],
      [SHEET_NARRATIVES, "direction", "続ける", null, false],
    ]);
    const blank = await roundTrip((_ws, book) => (narrativeCell(book, "1", "取組状況").value = null));
    expect(parseImport(blank, context(), admin)).toEqual(NONE);
  });

  it("an officer may not change another department's narratives; a date is refused", async () => {
    const wb = await roundTrip((_ws, book) => (narrativeCell(book, "1", "取組状況").value = "担当外"));
    expect(parseImport(wb, context(), officer).issues.map(formatIssue)[0]).toMatch(/^シート『記述』の2行目、列『取組状況』：No 1「健康の指標」は担当外の指標のため、記述を変更できません$/);
    const date = await roundTrip((_ws, book) => (narrativeCell(book, "1", "課題等").value = new Date(2024, 3, 1)));
    expect(parseImport(date, context(), admin).issues.map(formatIssue)[0]).toContain("日付になっています");
  });

  it("another year's narratives are listed as not imported", async () => {
    const wb = await roundTrip((_ws, book) => {
      const ws = book.getWorksheet(SHEET_NARRATIVES)!;
      ws.addRow(["1", "健康の指標", "健康福祉部", "健康づくり推進課", "令和4年度（2022）", "前の年の取組", "", "", 1]);
    });
    const parsed = parseImport(wb, context(), admin);
    expect(parsed.changes).toEqual([]);
    expect(parsed.notImported.map((n) => [n.sheet, n.cell, n.column, n.file?.text, n.current])).toEqual([[SHEET_NARRATIVES, "F3", "取組状況", "前の年の取組", null]]);
  });
});

describe("parseImport: versions (版)", () => {
  it("a row whose sheet changed since the export is stale; an unchanged one is not; a file without versions is stale where a sheet exists", async () => {
    const wb = await roundTrip((ws) => {
      setR5(ws, "15", "累計", 5);
      setR5(ws, "追加1", "県", 7);
    });
    const stale = (ctx: ImportContext) => parseImport(wb, ctx, admin).changes.map((c) => [c.number, c.fileVersion, c.version, c.stale]);
    expect(stale(context())).toEqual([["15", 1, 1, false], ["追加1", 0, 0, false]]);
    const moved = context();
    moved.measures[1].version = 2;
    expect(stale(moved)).toEqual([["15", 1, 2, true], ["追加1", 0, 0, false]]);
    const anonymous = await roundTrip((ws) => {
      setR5(ws, "15", "累計", 5);
      setR5(ws, "追加1", "県", 7);
      ws.getColumn(columnOf(ws, VERSION_HEADER)).eachCell((c, r) => void (r > 1 && (c.value = null)));
    });
    expect(parseImport(anonymous, context(), admin).changes.map((c) => [c.number, c.stale])).toEqual([["15", true], ["追加1", false]]);
  });

  it("another department's row that changed since the export is listed as not imported, not refused", async () => {
    const wb = await roundTrip((ws) => setR5(ws, "1", "累計", 1300));
    const moved = context();
    moved.measures[0].version = 2; // No 1 (健康福祉部) approved after the export
    const parsed = parseImport(wb, moved, officer);
    expect(parsed.issues).toEqual([]);
    expect(parsed.changes).toEqual([]);
    expect(parsed.notImported.map((n) => [n.number, n.column, n.file?.value])).toEqual([["1", yearHeader(2023), "1300"]]);
  });

  it("a value left as exported is no edit, even where a newer draft differs", async () => {
    const ctx = context();
    ctx.measures[1].series[1].current = cell("9", "9"); // a draft saved after the export; the file still says 集計中
    expect(parseImport(await roundTrip(), ctx, admin).changes).toEqual([]);
  });
});

describe("sameCell", () => {
  it.each([
    [cell("1759", "1,759"), cell("1759.000000", null), true],
    [cell("-7.7", "平均△7.7"), cell("-7.7", "▲7.7"), true],
    [cell(null, "—"), cell(null, "－"), true],
    [cell(null, "集計中"), cell("0", "0"), false],
    [null, cell(null, "集計中"), false],
    [cell("1", "1"), cell("2", "2"), false],
  ])("%j vs %j → %s", (a, b, same) => {
    expect(sameCell(a, b)).toBe(same);
  });
});
