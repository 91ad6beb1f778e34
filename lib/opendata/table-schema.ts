// The published schema of each open-data CSV (rules L3-02, L3-03, L3-04, L3-08): a Frictionless "tabular data
// resource" with the table schema (per field the ASCII name, the Japanese title, the type, the unit and the
// meaning, the code tables), the CSV dialect, the encoding and the byte-order mark, and the special marks'
// definitions. Built from lib/opendata/columns.ts, the same list the CSV writers use. Pure.
import { NARRATIVE_COLUMNS, STATUS_COLUMNS, VALUE_COLUMNS, VALUE_STATUS, type ColumnDef } from "./columns";
import { apiSchemaPath, type SchemaName } from "./paths";
import { PUBLIC_TEXT_NOTE } from "./public-text";

export const CSV_ENCODING = "utf-8";
/** Every CSV starts with the UTF-8 byte-order mark (EF BB BF) so that Excel opens it as UTF-8. */
export const CSV_BOM = true;

/** The printed marks a reader meets in the text column and how the data columns treat them. */
export const SPECIAL_MARKS = [
  { mark: "－ — - ―", meaning: "該当なし・値なし（出典の印字のまま。記号の違いに意味はない）", valueStatus: "not_applicable" },
  { mark: "集計中", meaning: "集計中で数値がまだない", valueStatus: "pending" },
  { mark: "記入予定（「…公表後、記入予定」）", meaning: "統計の公表を待って記入する", valueStatus: "pending" },
  { mark: "国調査終了・調査中止", meaning: "調査が終了・中止され数値がない", valueStatus: "discontinued" },
  { mark: "△ ▲（数字の前）", meaning: "負の数の印字（△1,305 = -1305）。value の列では - の付いた数値", valueStatus: "number" },
  { mark: "完了・認定・認定なし・未実施・未着手・実施・全て・前年比減 など", meaning: "達成状態や相対的な目標を文字で表した値", valueStatus: "text" },
  { mark: "'（文字の先頭）", meaning: "表計算ソフトが数式として実行しないよう、=・+・-・@ で始まる文字に付けた印（CSV インジェクション対策）。プログラムでは取り除く", valueStatus: null },
] as const;

const TITLES: Record<Exclude<SchemaName, "dataset">, { title: string; description: string; columns: readonly ColumnDef[]; primaryKey: string[] }> = {
  values: {
    title: "KPI の値（基準値・実績値・目標値）",
    description: "1 行が「指標 × 系列 × 値の区分 × 年度」の 1 つの値（縦持ち）。数値は value、単位は unit、印字どおりの表記は text の列。",
    columns: VALUE_COLUMNS,
    primaryKey: [],
  },
  narratives: {
    title: "KPI の公開済みの記述（取組状況・課題等・今後の方向性）",
    description:
      "1 行が記述の 1 段落または箇条書きの 1 項目。記述の改行は行の区切りで表し、itemNumber で順番を示す（同じ指標・評価年度・区分の行を itemNumber の順に改行でつなぐと元の記述に戻る。textNote の置き換えを除く）。",
    columns: NARRATIVE_COLUMNS,
    primaryKey: ["organizationCode", "planSlug", "measureNumber", "evaluationYear", "section", "itemNumber"],
  },
  statuses: {
    title: "KPI の進捗の判定（計画の判定方法による）",
    description:
      "1 行が「指標 × 評価年度 × 系列」の判定（縦持ち）。判定は計画の判定方法（progressRule）の表記（達成・概ね順調・遅れ・悪化／○・△・×／S・A・B・C／◎・○・△・×／達成・順調・やや遅れ・遅れ）で statusLabel、コードは status。公開済みの値から KPI のページと同じ計算で求めたもの。進捗率は rate（%）、判定の式と数値は explanation。" +
      "projection で始まる列は、これまでの実績からの直線の当てはめによる目標年度の見込み（推計）で、実績値ではない。指標の判定と公式評価は指標ごとの値で、その指標・評価年度の各系列の行に同じ値が入る。",
    columns: STATUS_COLUMNS,
    primaryKey: ["organizationCode", "planSlug", "measureNumber", "evaluationYear", "seriesLabel"],
  },
};

function field(c: ColumnDef) {
  return {
    name: c.key,
    title: c.title,
    type: c.type,
    ...(c.type === "date" ? { format: "%Y-%m-%d" } : {}),
    description: c.description,
    ...(c.unit ? { unit: c.unit } : {}),
    example: c.example,
    ...(c.codes ? { constraints: { enum: c.codes.map((x) => x.code) }, categories: c.codes.map((x) => ({ value: x.code, label: x.meaning })) } : {}),
  };
}

/** The tabular data resource of one CSV (the per-plan `path` is added by the catalogue). */
export function tableSchemaResource(name: Exclude<SchemaName, "dataset">) {
  const t = TITLES[name];
  return {
    $schema: "https://datapackage.org/profiles/2.0/dataresource.json",
    profile: "tabular-data-resource",
    name,
    title: t.title,
    description: t.description,
    schemaUrl: apiSchemaPath(name),
    format: "csv",
    mediatype: "text/csv",
    encoding: CSV_ENCODING,
    bom: CSV_BOM,
    encodingNote: "UTF-8、BOM（EF BB BF）付き。改行は CRLF。1 行目が見出し（ASCII のフィールド名）、2 行目からデータ。",
    textNote: PUBLIC_TEXT_NOTE,
    dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true, headerRows: [1], skipInitialSpace: false },
    schema: {
      fields: t.columns.map(field),
      missingValues: [""],
      ...(t.primaryKey.length ? { primaryKey: t.primaryKey } : {}),
      missingValueNote: "空欄は値がないこと（0 ではない）。value が空欄の理由は valueStatus の列。",
    },
    ...(name === "values" ? { valueStatus: Object.entries(VALUE_STATUS).map(([code, meaning]) => ({ code, meaning })), specialMarks: SPECIAL_MARKS } : {}),
  };
}
