// The 記述 sheet on import: the rows of the evaluation year being imported carry the three narratives
// (取組状況／課題等／今後の方向性), read as text whatever the cell type (a narrative is never a number), compared
// like values (an edit differs from the published text and from the text now). A blank cell changes nothing;
// a cell holding only 「（削除）」 empties the text — published text is never erased by a cell left blank.
// Rows of other years, and the name columns of any row, are compared with the plan and listed, not imported.
import type { CellValue, Worksheet } from "exceljs";
import { fiscalYearWithWestern } from "../fiscal-year";
import { NARRATIVE_MAX } from "../sheets/schemas";
import { cellString } from "./cells";
import { headerColumns, isStale, norm, readVersion, type ImportContext, type ImportMeasure, type ParsedImport, type RowRights } from "./import";
import { CLEAR_MARK, NARRATIVE_FIELDS, SHEET_NARRATIVES, VERSION_HEADER, westernYearOf } from "./layout";
import { compareCell, expectedNarrativeCell } from "./not-imported";

type NarrativeCell = { kind: "empty" } | { kind: "clear" } | { kind: "text"; text: string } | { kind: "invalid"; message: string };

/** A narrative cell: text as written (line breaks kept), numbers as their digits; dates and errors refused. */
export function readNarrativeCell(value: CellValue): NarrativeCell {
  if (value instanceof Date) return { kind: "invalid", message: "日付になっています。文字として入力してください（先頭に ' を付けるなど）" };
  if (typeof value === "boolean") return { kind: "invalid", message: "TRUE/FALSE になっています。文字として入力してください" };
  if (value && typeof value === "object" && "error" in value) return { kind: "invalid", message: `エラー値（${value.error}）になっています。文字として入力してください` };
  const text = cellString(value).replace(/\r\n?/g, "\n").trim();
  if (text === "") return { kind: "empty" };
  if (text.normalize("NFKC") === CLEAR_MARK.normalize("NFKC")) return { kind: "clear" };
  if (text.length > NARRATIVE_MAX) return { kind: "invalid", message: `${NARRATIVE_MAX.toLocaleString("ja-JP")}文字以内で入力してください` };
  return { kind: "text", text };
}

const sameText = (a: string | null, b: string | null) => norm(a ?? "").replace(/\r\n?/g, "\n") === norm(b ?? "").replace(/\r\n?/g, "\n");

export function parseNarrativesSheet(ws: Worksheet, ctx: ImportContext, rights: RowRights, out: ParsedImport) {
  const { issues, changes, notImported } = out;
  const headers = headerColumns(ws);
  const one = (h: string) => headers.get(norm(h))?.[0]?.col ?? null;
  const noCol = one("No");
  const yearCol = one("評価年度");
  const versionCol = one(VERSION_HEADER);
  const fields = NARRATIVE_FIELDS.map((f) => ({ ...f, col: one(f.header) }));
  if (noCol === null || yearCol === null) {
    issues.push({ sheet: SHEET_NARRATIVES, row: 1, column: null, message: "見出しの列「No」と「評価年度」が必要です" });
    return;
  }
  const byNumber = new Map<string, ImportMeasure>(ctx.measures.map((m) => [norm(m.number), m]));
  const reference = new Map((ctx.reference?.measures ?? []).map((m) => [norm(m.number), m]));
  const compared = [...headers.entries()].flatMap(([h, cs]) => cs.map((c) => ({ ...c, h })));
  const seen = new Map<string, number>();

  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const no = norm(cellString(row.getCell(noCol).value));
    const yearText = cellString(row.getCell(yearCol).value);
    const cells = fields.map((f) => ({ ...f, read: f.col === null ? ({ kind: "empty" } as const) : readNarrativeCell(row.getCell(f.col).value) }));
    if (!no && !yearText && cells.every((c) => c.read.kind === "empty")) continue;
    const measure = byNumber.get(no);
    if (!measure) {
      issues.push({ sheet: SHEET_NARRATIVES, row: r, column: "No", message: no ? `No「${no}」の指標はこの計画にありません` : "No がありません。どの指標の記述か分かりません" });
      continue;
    }
    const year = westernYearOf(yearText);
    if (year === null) {
      issues.push({ sheet: SHEET_NARRATIVES, row: r, column: "評価年度", message: "評価年度を読み取れません（例：令和5年度（2023））" });
      continue;
    }
    const key = `${measure.id}/${year}`;
    if (seen.has(key)) {
      issues.push({ sheet: SHEET_NARRATIVES, row: r, column: "No", message: `No ${measure.number} の${fiscalYearWithWestern(year)}の行が重複しています（${seen.get(key)}行目と同じ）` });
      continue;
    }
    seen.set(key, r);

    const ref = reference.get(norm(measure.number));
    const importing = year === ctx.evaluationYear;
    if (ref) {
      for (const c of compared) {
        // the year's narratives are imported below; every other column is compared
        if (importing && fields.some((f) => f.col === c.col)) continue;
        const want = expectedNarrativeCell(c.h, ref, year);
        const diff = want && compareCell(row.getCell(c.col), want, { sheet: SHEET_NARRATIVES, row: r, column: c.header, number: measure.number, measureName: measure.name }, () => false);
        if (diff) notImported.push(diff);
      }
    }
    if (!importing) continue;

    const fileVersion = versionCol === null ? null : readVersion(row.getCell(versionCol).value);
    let allowed: boolean | null = null;
    for (const c of cells) {
      if (c.read.kind === "empty") continue;
      if (c.read.kind === "invalid") {
        issues.push({ sheet: SHEET_NARRATIVES, row: r, column: c.header, message: c.read.message });
        continue;
      }
      const after = c.read.kind === "clear" ? null : c.read.text;
      const { current, published } = measure.narratives;
      // as exported (published) or as it is now: no edit
      if ((after !== null && sameText(published[c.field], after)) || sameText(current[c.field], after)) continue;
      if (!rights.mayEdit(measure) && isStale(measure.version, fileVersion)) {
        // another department's sheet changed since the export: listed, not refused (see the values sheet)
        const text = (t: string | null) => (t === null ? null : { value: null, text: t });
        notImported.push({ sheet: SHEET_NARRATIVES, cell: row.getCell(c.col!).address, row: r, column: c.header, number: measure.number, measureName: measure.name, file: text(after), current: text(current[c.field]) });
        continue;
      }
      allowed ??= rights.allows(measure, SHEET_NARRATIVES, r, c.header, "記述");
      if (!allowed) break;
      changes.push({
        kind: "narrative",
        measureId: measure.id,
        number: measure.number,
        measureName: measure.name,
        sheet: SHEET_NARRATIVES,
        row: r,
        version: measure.version,
        fileVersion,
        stale: isStale(measure.version, fileVersion),
        field: c.field,
        before: current[c.field],
        after,
      });
    }
  }
}
