// Checks a file (CSV or .xlsx, read by read.ts) against each rule of the national machine-readability rules
// that a program can check, given the schema the file is published with. The open-data page and the tests call
// this same code on the real downloads. Pure.
import type { ColumnDef } from "../columns";
import { parseLocalGovernmentCode } from "../../organizations/local-government-code";
import { RULES, type Rule } from "./rules";
import type { Cell, FileFacts, Sheet } from "./read";

export type RuleStatus = "pass" | "fail" | "not_applicable";
export type RuleResult = { id: string; name: string; status: RuleStatus; detail: string };

export type TableSpec = {
  /** the sheet name (.xlsx) or "csv" */
  sheet: string;
  columns: readonly Pick<ColumnDef, "key" | "type" | "unit" | "codes">[];
  /** columns that must be filled in every row (no value left out because the row above has it, L2-02) */
  required: readonly string[];
};
export type FileSpec = {
  tables: readonly TableSpec[];
  /** the published metadata of the file: where the schema is, and the encoding and BOM it declares */
  metadata: { schemaUrl: string; encoding: string | null; bom: boolean | null; fieldsHaveTitles: boolean };
};

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const ASCII_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 機種依存文字: circled and parenthesised numbers, Roman numerals, squared words (㍻ ㌢), half-width kana */
const PLATFORM_DEPENDENT = /[\u2460-\u24ff\u2160-\u217f\u3200-\u33ff\uff61-\uff9f\u2100-\u214f]/u;
const LAYOUT_SPACE = /^[\s\u3000]|[\s\u3000]$|[ \u3000]{2,}/;
const LINE_BREAK = /[\r\n]/;
const YEARISH_HEADER = /(19|20)\d{2}|[RH令平]\s*\d{1,2}|年度?$/;

const text = (c: Cell | undefined): string | null => (c?.kind === "text" ? c.text : c?.kind === "number" ? String(c.value) : null);
const isEmpty = (c: Cell | undefined) => !c || c.kind === "empty" || (c.kind === "text" && c.text === "" && !c.quoted);

type Ctx = { facts: FileFacts; spec: FileSpec; tables: { spec: TableSpec; sheet: Sheet | undefined }[] };
type Outcome = { ok: boolean; detail: string } | null; // null: not applicable

function each(ctx: Ctx, fn: (t: { spec: TableSpec; sheet: Sheet }) => string[]): Outcome {
  const problems = ctx.tables.flatMap((t) => (t.sheet ? fn({ spec: t.spec, sheet: t.sheet }).map((p) => `${ctx.facts.format === "xlsx" ? `${t.spec.sheet}: ` : ""}${p}`) : [`${t.spec.sheet}: シートがありません`]));
  return { ok: problems.length === 0, detail: problems.slice(0, 5).join("／") + (problems.length > 5 ? ` ほか${problems.length - 5}件` : "") };
}

/** cells of the data rows of one column, with their row numbers (1-based, as a spreadsheet shows them) */
function column(sheet: Sheet, key: string): { row: number; cell: Cell }[] {
  const c = sheet.rows[0]?.findIndex((h) => text(h) === key) ?? -1;
  if (c < 0) return [];
  return sheet.rows.slice(1).map((r, i) => ({ row: i + 2, cell: r[c] ?? { kind: "empty" } }));
}

function count(n: number, what: string): string[] {
  return n ? [`${what}：${n}`] : [];
}

const CHECKS: Record<string, (ctx: Ctx) => Outcome> = {
  "L1-01": ({ facts }) => ({ ok: true, detail: facts.format === "csv" ? "CSV（RFC 4180）" : "Excel（.xlsx、Office Open XML）" }),
  "L1-02": (ctx) =>
    each(ctx, ({ sheet }) => [
      ...count(sheet.rows.slice(1).filter((r) => r.every(isEmpty)).length, "表の途中の空行"),
      ...(ctx.facts.format === "csv" ? count(ctx.facts.ragged, "見出しと項目数が違う行") : []),
    ]),
  "L1-03": (ctx) =>
    each(ctx, ({ sheet }) => {
      const width = sheet.rows[0]?.length ?? 0;
      const blankColumns = Array.from({ length: width }, (_, c) => c).filter((c) => isEmpty(sheet.rows[0]?.[c]));
      return [...count(blankColumns.length, "見出しのない列（空白列）"), ...count(sheet.rows.filter((r) => r.every(isEmpty)).length, "空白行")];
    }),
  "L1-04": (ctx) =>
    each(ctx, ({ sheet, spec }) => [
      ...count(Math.max(0, (sheet.rows[0]?.length ?? 0) - spec.columns.length), "表の外の列"),
      ...(ctx.facts.format === "csv" ? count(ctx.facts.ragged, "見出しより項目の多い・少ない行") : []),
    ]),
  "L1-05": (ctx) =>
    each(ctx, ({ sheet, spec }) => {
      const header = (sheet.rows[0] ?? []).map(text);
      const expected = spec.columns.map((c) => c.key);
      return [
        ...header.filter((h) => !h || !ASCII_NAME.test(h)).map((h) => `意味の読み取れない項目名「${h ?? ""}」`),
        ...(header.join(",") === expected.join(",") ? [] : ["見出しがスキーマのフィールド名と一致しない"]),
      ];
    }),
  "L1-06": (ctx) =>
    each(ctx, ({ sheet }) => {
      const cells = sheet.rows.flat().map(text).filter((t): t is string => t !== null);
      return [...count(cells.filter((t) => LAYOUT_SPACE.test(t)).length, "前後の空白・連続した空白のあるセル"), ...count(cells.filter((t) => LINE_BREAK.test(t)).length, "セル内の改行")];
    }),
  "L1-07": (ctx) =>
    each(ctx, ({ sheet, spec }) =>
      spec.columns.flatMap((c) => {
        if (c.type === "string") return [];
        const bad = column(sheet, c.key).filter(({ cell }) => !isEmpty(cell) && cell.kind !== "number" && !/^-?\d+(\.\d+)?$|^\d{4}-\d{2}-\d{2}$/.test(text(cell) ?? ""));
        return count(bad.length, `${c.key} に 1 つの値でないセル`);
      }),
    ),
  "L1-08": (ctx) =>
    each(ctx, ({ sheet }) => {
      const found = sheet.rows.flat().map(text).filter((t): t is string => t !== null && PLATFORM_DEPENDENT.test(t));
      return found.length ? [`機種依存文字を含むセル：${found.length}（例：${[...new Set(found.flatMap((t) => t.match(new RegExp(PLATFORM_DEPENDENT, "gu")) ?? []))].slice(0, 5).join(" ")}）`] : [];
    }),
  "L1-09": (ctx) =>
    each(ctx, ({ sheet, spec }) => {
      const problems: string[] = [];
      if (spec.columns.some((c) => c.key === "valueStatus")) {
        const values = column(sheet, "value");
        const statuses = column(sheet, "valueStatus");
        const texts = column(sheet, "text");
        values.forEach(({ cell }, i) => {
          const status = text(statuses[i]?.cell);
          if (isEmpty(cell) !== (status !== "number")) problems.push(`${values[i].row}行：value と valueStatus が食い違う`);
          if (isEmpty(cell) && /^[0０]$/.test(text(texts[i]?.cell) ?? "")) problems.push(`${values[i].row}行：印字が 0 なのに value が空欄`);
        });
      }
      for (const c of spec.columns.filter((c) => c.type !== "string"))
        problems.push(...count(column(sheet, c.key).filter(({ cell }) => /^[-－―—ー]+$/.test(text(cell) ?? "")).length, `${c.key} に空欄・0 以外の記号`));
      return problems;
    }),
  "L1-10": ({ facts }) => (facts.format === "xlsx" ? { ok: facts.objects.length === 0, detail: facts.objects.length ? `オブジェクト：${facts.objects.join(", ")}` : "" } : null),
  "L1-11": (ctx) => (ctx.facts.format === "xlsx" ? each(ctx, ({ sheet }) => count(sheet.styledDataCells, "塗りつぶし・太字・色付きのデータセル")) : null),
  "L1-12": (ctx) => (ctx.facts.format === "xlsx" ? each(ctx, ({ sheet }) => count(sheet.mergedRanges, "結合されたセル範囲")) : null),
  "L1-13": (ctx) =>
    ctx.facts.format === "xlsx"
      ? { ok: ctx.facts.sheets.every((s) => !s.hiddenRows && !s.hiddenColumns && !s.hiddenSheet), detail: ctx.facts.sheets.flatMap((s) => [...count(s.hiddenRows, `${s.name}: 非表示の行`), ...count(s.hiddenColumns, `${s.name}: 非表示の列`), ...(s.hiddenSheet ? [`${s.name}: 非表示のシート`] : [])]).join("／") }
      : null,
  "L1-14": ({ facts }) => (facts.format === "csv" ? { ok: facts.lineBreaksInFields === 0 && facts.crlf, detail: [...count(facts.lineBreaksInFields, "値の中の改行"), ...(facts.crlf ? [] : ["CRLF で終わらない行"])].join("／") } : null),
  "L1-15": ({ facts }) => (facts.format === "csv" ? { ok: facts.unquotedSpecial === 0 && facts.ragged === 0, detail: count(facts.unquotedSpecial, "カンマを含むのに囲まれていない値").join("") } : null),
  "L2-01": (ctx) =>
    each(ctx, ({ sheet, spec }) =>
      spec.columns.flatMap((c) => {
        if (c.type !== "number" && c.type !== "integer") return [];
        const re = c.type === "integer" ? INTEGER : PLAIN_NUMBER;
        const bad = column(sheet, c.key).filter(({ cell }) => !isEmpty(cell) && (ctx.facts.format === "xlsx" ? cell.kind !== "number" || (c.type === "integer" && !Number.isInteger(cell.value)) : !re.test(text(cell) ?? "")));
        return count(bad.length, `${c.key} に数値でない値`);
      }),
    ),
  "L2-02": (ctx) => each(ctx, ({ sheet, spec }) => spec.required.flatMap((key) => count(column(sheet, key).filter(({ cell }) => isEmpty(cell)).length, `${key} の空欄`))),
  "L2-03": (ctx) =>
    each(ctx, ({ sheet }) => {
      const header = (sheet.rows[0] ?? []).map(text);
      return header.filter((h, i) => header.indexOf(h) !== i).map((h) => `重複した項目名「${h}」`);
    }),
  "L2-04": (ctx) =>
    each(ctx, ({ sheet, spec }) =>
      spec.columns.flatMap((c) => {
        if (!c.codes) return [];
        const allowed = new Set(c.codes.map((x) => x.code));
        const bad = [...new Set(column(sheet, c.key).map(({ cell }) => text(cell)).filter((t): t is string => t !== null && t !== "" && !allowed.has(t)))];
        return bad.length ? [`${c.key} にコード表にない値「${bad.slice(0, 3).join("」「")}」`] : [];
      }),
    ),
  "L2-05": (ctx) =>
    each(ctx, ({ sheet, spec }) => spec.columns.flatMap((c) => (c.codes ? count(column(sheet, c.key).filter(({ cell }) => /その他/.test(text(cell) ?? "")).length, `${c.key} に「その他」の詳細`) : []))),
  "L2-06": (ctx) => (ctx.facts.format === "xlsx" ? { ok: ctx.facts.sheets.every((s) => s.formulas === 0), detail: ctx.facts.sheets.flatMap((s) => count(s.formulas, `${s.name}: 数式`)).join("／") } : null),
  "L3-01": (ctx) =>
    each(ctx, ({ sheet, spec }) => [
      ...(sheet.firstCell === "A1" ? [] : [`表が ${sheet.firstCell} から始まる`]),
      ...(text(sheet.rows[0]?.[0]) === spec.columns[0]?.key ? [] : ["1 行目が項目名の行ではない"]),
    ]),
  "L3-02": (ctx) => ({ ok: ctx.spec.metadata.schemaUrl !== "", detail: `コード表（選択肢の値と意味）はスキーマ ${ctx.spec.metadata.schemaUrl} の categories` }),
  "L3-03": (ctx) =>
    each(ctx, ({ sheet, spec }) =>
      spec.columns.filter((c) => c.type !== "string").flatMap((c) => count(column(sheet, c.key).filter(({ cell }) => !isEmpty(cell) && cell.kind === "text" && !PLAIN_NUMBER.test(cell.text) && !ISO_DATE.test(cell.text)).length, `${c.key} に定義のない記号`)),
    ),
  "L3-04": (ctx) => {
    const outcome = each(ctx, ({ spec }) => spec.columns.filter((c) => c.type === "number" || c.type === "integer").filter((c) => !c.unit).map((c) => `${c.key} の単位が定義されていない`));
    // said, not judged: a number whose source prints no unit keeps an empty unit (units are never invented)
    const blank = ctx.tables.flatMap((t) => (t.sheet && t.spec.columns.some((c) => c.key === "unit") ? column(t.sheet, "value").filter(({ cell }, i) => !isEmpty(cell) && isEmpty(column(t.sheet!, "unit")[i]?.cell)) : [])).length;
    return outcome && outcome.ok && blank ? { ok: true, detail: `単位は unit の列。数値があって単位の印字がない行：${blank}` } : outcome;
  },
  "L3-05": (ctx) =>
    each(ctx, ({ sheet, spec }) =>
      spec.columns.flatMap((c) => {
        if (c.unit === "年度" || c.unit === "年") return count(column(sheet, c.key).filter(({ cell }) => !isEmpty(cell) && !/^(19|20)\d{2}$/.test(text(cell) ?? "")).length, `${c.key} に西暦 4 桁でない年`);
        if (c.type === "date") return count(column(sheet, c.key).filter(({ cell }) => !isEmpty(cell) && !ISO_DATE.test(text(cell) ?? "")).length, `${c.key} に ISO 8601 でない日付`);
        return [];
      }),
    ),
  "L3-06": (ctx) => {
    const withCode = ctx.tables.filter((t) => t.spec.columns.some((c) => c.key === "organizationCode"));
    if (withCode.length === 0) return null;
    return each({ ...ctx, tables: withCode }, ({ sheet }) => count(column(sheet, "organizationCode").filter(({ cell }) => !parseLocalGovernmentCode(text(cell) ?? "").ok).length, "全国地方公共団体コードでない値"));
  },
  "L3-07": (ctx) => each(ctx, ({ sheet, spec }) => ((sheet.rows[0] ?? []).map(text).join(",") === spec.columns.map((c) => c.key).join(",") ? [] : ["見出しが公開しているスキーマと違う"])),
  "L3-08": ({ facts, spec }) => {
    const m = spec.metadata;
    const problems = [
      ...(m.schemaUrl ? [] : ["スキーマがない"]),
      ...(m.fieldsHaveTitles ? [] : ["項目の定義（日本語名・内容）がない"]),
      ...(facts.format === "csv" && m.encoding !== "utf-8" ? ["文字コードが定義されていない"] : []),
      ...(facts.format === "csv" && m.bom !== facts.bom ? ["BOM の有無が定義と違う"] : []),
      ...(facts.format === "csv" && !facts.utf8 ? ["UTF-8 として読めない"] : []),
    ];
    return { ok: problems.length === 0, detail: problems.join("／") || `スキーマ ${m.schemaUrl}${facts.format === "csv" ? `（UTF-8、BOM ${facts.bom ? "あり" : "なし"}）` : ""}` };
  },
  "L3-09": (ctx) => each(ctx, ({ sheet }) => (sheet.rows[0] ?? []).map(text).filter((h) => h !== null && YEARISH_HEADER.test(h)).map((h) => `年・年度が列になっている（「${h}」）`)),
};

/** Every rule with its result on this file: pass, fail (with what was found) or not applicable (e.g. an Excel rule on a CSV). */
export function checkFile(facts: FileFacts, spec: FileSpec): RuleResult[] {
  const ctx: Ctx = { facts, spec, tables: spec.tables.map((t) => ({ spec: t, sheet: facts.format === "csv" ? facts.sheets[0] : facts.sheets.find((s) => s.name === t.sheet) })) };
  return RULES.map((rule: Rule) => {
    const applies = rule.scope === "all" || (rule.scope === "excel") === (facts.format === "xlsx");
    const outcome = applies ? CHECKS[rule.id](ctx) : null;
    return { id: rule.id, name: rule.name, status: outcome === null ? "not_applicable" : outcome.ok ? "pass" : "fail", detail: outcome?.detail ?? (applies ? "" : facts.format === "csv" ? "Excel のみのルール" : "CSV のみのルール") };
  });
}

export function summary(results: readonly RuleResult[]) {
  return { pass: results.filter((r) => r.status === "pass").length, fail: results.filter((r) => r.status === "fail").length, notApplicable: results.filter((r) => r.status === "not_applicable").length };
}
