// The columns of the two open-data CSV files, in order. The CSV writers take their header from here, the
// published table schemas (lib/opendata/table-schema.ts) and the open-data page print this same list, so the
// documentation cannot drift. The header row holds the ASCII field names (the national machine-readability rule
// L3-08 asks for field names in ASCII letters and digits for scripts); the Japanese title, type, unit and meaning
// of each field are published in the schema.

/** Table Schema field types (Frictionless): what a reader such as pandas makes of the column. */
export type FieldType = "string" | "integer" | "number" | "date";

export type ColumnDef<K extends string = string> = {
  /** the ASCII field name: the header cell of the CSV and of the open-data workbook */
  key: K;
  /** the Japanese title (項目名) */
  title: string;
  type: FieldType;
  /** the unit of the field's numbers, or where it is stated (the value column's unit is in the unit column) */
  unit: string | null;
  description: string;
  example: string;
  /** where the same item is in the JSON export */
  json: string;
  /** allowed values with their meaning (a code table, rule L3-02) */
  codes?: readonly { code: string; meaning: string }[];
};

type Extra = { unit?: string | null; codes?: readonly { code: string; meaning: string }[] };
const col = <K extends string>(key: K, title: string, type: FieldType, description: string, example: string, json: string, extra: Extra = {}): ColumnDef<K> => ({
  key, title, type, unit: extra.unit ?? null, description, example, json, ...(extra.codes ? { codes: extra.codes } : {}),
});
const codes = (labels: Record<string, string>, meanings: Record<string, string> = {}) => Object.values(labels).map((code) => ({ code, meaning: meanings[code] ?? code }));

/** 値の区分 */
export const VALUE_KIND_LABELS = {
  baseline: "基準値",
  actual: "実績値",
  target: "目標値",
  targetPath: "年度別目標値",
  estimate: "推計値",
  comparison: "実績値（目標値比較）",
} as const;

export const MEASURE_KIND_LABELS = { kpi: "KPI", goal: "基本目標" } as const;

export const TARGET_KIND_LABELS = {
  number: "数値",
  at_least: "以上",
  relative: "前年比",
  milestone: "達成状態",
  period_total: "期間合計",
} as const;

export const DIRECTION_LABELS = { higher: "増加", lower: "減少" } as const;
export const AGGREGATION_LABELS = { sum: "合計", latest: "最新値" } as const;

/**
 * The one missing-value convention of the data columns: `value` holds a number or is empty, and `valueStatus`
 * says why it is empty; the printed text (「－」「—」「-」「集計中」「完了」…) stays as printed in `text`.
 */
export const VALUE_STATUS = {
  number: "数値がある（value の列）",
  not_applicable: "数値なし：該当なし・値なしの記号（印字は「－」「—」「-」など。表記の違いに意味はない）",
  pending: "数値なし：集計中・公表後に記入予定",
  discontinued: "数値なし：調査の終了・中止（「国調査終了」「調査中止」）",
  text: "数値なし：値が文字で表されている（「完了」「認定」「前年比減」など、達成状態や相対的な目標。text の列）",
} as const;
export type ValueStatus = keyof typeof VALUE_STATUS;

/** values.csv: one row per measure, value series, kind of value (基準値 / 実績値 / 目標値 …) and fiscal year. */
export const VALUE_COLUMNS = [
  col("organizationCode", "全国地方公共団体コード", "string", "団体の6桁のコード（検査数字付き。総務省の全国地方公共団体コード）。先頭の 0 を保つため文字列", "430005", "organizations[].code"),
  col("organizationName", "団体名", "string", "地方公共団体の正式名称", "熊本県", "organizations[].name"),
  col("planSlug", "計画ID", "string", "計画（総合戦略）の識別子。API の URL に使う", "kumamoto-2020", "plans[].slug"),
  col("planName", "計画名", "string", "計画（総合戦略）の名称", "第2期 熊本県まち・ひと・しごと創生総合戦略", "plans[].name"),
  col("measureNumber", "指標番号", "string", "印字どおりの番号（「追加1」のような番号もあるため文字列）", "6", "measures[].number"),
  col("measureKind", "指標の種類", "string", "「KPI」または「基本目標」", "KPI", "measures[].kind", { codes: codes(MEASURE_KIND_LABELS, { KPI: "重要業績評価指標", 基本目標: "計画の基本目標の数値目標" }) }),
  col("measureName", "指標名", "string", "重要業績評価指標（KPI）または基本目標の名称", "県が育成した防災士の資格取得者数", "measures[].name"),
  col("owners", "担当部署", "string", "担当の部局と課を「／」で区切る。複数の担当は「；」で区切る", "知事公室／危機管理防災課", "measures[].owners"),
  col("seriesLabel", "系列", "string", "値の行の区分（単年・累計など）", "累計", "series[].label"),
  col("valueKind", "値の区分", "string", "基準値・実績値・目標値・年度別目標値・推計値・実績値（目標値比較）のいずれか", "実績値", "series[].baseline / actuals / target / targetPath / estimates / comparison", { codes: codes(VALUE_KIND_LABELS) }),
  col("fiscalYear", "年度（西暦）", "integer", "西暦の年度（4月〜翌年3月。整数）。年度のない値（期間の値、期間合計の目標）は空欄", "2023", "fiscalYear", { unit: "年度" }),
  col("fiscalYearLabel", "年度（和暦）", "string", "和暦の年度", "令和5年度", "fiscalYearLabel"),
  col("value", "数値", "number", "値（数値だけ。桁区切り・単位・記号なし。負の数は -）。数値がないときは空欄で、その理由は valueStatus の列。空欄は 0 ではない", "1759", "value", { unit: "unit の列" }),
  col("unit", "単位", "string", "value の単位（出典に印字された単位。印字のないものは空欄）", "人", "series[].unit"),
  col("valueStatus", "数値の有無", "string", "value が空欄の理由（欠損値の区分）。数値があれば number", "number", "value と text から", { codes: Object.entries(VALUE_STATUS).map(([code, meaning]) => ({ code, meaning })) }),
  col("text", "表示値", "string", "印字どおりの値（「1,759」「集計中」「－」「完了」など）", "1,759", "text"),
  col("printedYearLabel", "年度の表記", "string", "基準値の年度の印字どおりの表記", "R1", "baseline.printedYearLabel"),
  col("cellLabel", "注記", "string", "セルに印字された注記（年がずれている値など）", "(H31)", "cellLabel"),
  col("period", "期間", "string", "期間についての値の印字どおりの期間", "H27→R2", "period"),
  col("periodStart", "期間の開始年（西暦）", "integer", "period の開始の年（西暦、ISO 8601 の年）。期間の値でなければ空欄", "2015", "period から", { unit: "年" }),
  col("periodEnd", "期間の終了年（西暦）", "integer", "period の終了の年（西暦、ISO 8601 の年）", "2020", "period から", { unit: "年" }),
  col("asOf", "時点", "string", "値の時点の印字どおりの表記（速報値など）", "令和8年1月末時点", "asOf"),
  col("asOfDate", "時点（日付）", "date", "asOf の日付（ISO 8601、YYYY-MM-DD。「月末」はその月の末日）", "2026-01-31", "asOf から"),
  col("note", "備考", "string", "値についての備考", "", "note"),
  col("targetKind", "目標の種類", "string", "目標値の行だけ：数値・以上・前年比・達成状態・期間合計", "数値", "target.kind", { codes: codes(TARGET_KIND_LABELS) }),
  col("targetDirection", "目標の方向", "string", "目標値の行だけ：「増加」（高いほどよい）または「減少」（低いほどよい）", "増加", "target.direction", { codes: codes(DIRECTION_LABELS, { 増加: "高いほどよい", 減少: "低いほどよい" }) }),
  col("targetPeriodStart", "目標期間の開始年度", "integer", "期間合計の目標の開始年度（西暦）", "2020", "target.periodStart", { unit: "年度" }),
  col("targetPeriodEnd", "目標期間の終了年度", "integer", "期間合計の目標の終了年度（西暦）", "2024", "target.periodEnd", { unit: "年度" }),
  col("aggregation", "集計方法", "string", "実績値（目標値比較）の行だけ：「合計」（各年度の実績値の和）または「最新値」", "合計", "comparison.aggregation", { codes: codes(AGGREGATION_LABELS) }),
] as const;

/** 記述の区分, in the order the sheet prints them */
export const NARRATIVE_SECTIONS = [
  { key: "effortStatus", label: "取組状況" },
  { key: "issues", label: "課題等" },
  { key: "direction", label: "今後の方向性" },
] as const;

/** narratives.csv: one row per line (paragraph or bullet item) of a published narrative. */
export const NARRATIVE_COLUMNS = [
  col("organizationCode", "全国地方公共団体コード", "string", "団体の6桁のコード（検査数字付き）", "430005", "organizations[].code"),
  col("organizationName", "団体名", "string", "地方公共団体の正式名称", "熊本県", "organizations[].name"),
  col("planSlug", "計画ID", "string", "計画（総合戦略）の識別子", "kumamoto-2020", "plans[].slug"),
  col("planName", "計画名", "string", "計画（総合戦略）の名称", "第2期 熊本県まち・ひと・しごと創生総合戦略", "plans[].name"),
  col("measureNumber", "指標番号", "string", "印字どおりの番号", "6", "measures[].number"),
  col("measureName", "指標名", "string", "指標の名称", "県が育成した防災士の資格取得者数", "measures[].name"),
  col("evaluationYear", "評価年度（西暦）", "integer", "記述を書いた評価年度（西暦、整数）", "2023", "sheets[].evaluationYear", { unit: "年度" }),
  col("evaluationYearLabel", "評価年度（和暦）", "string", "和暦の評価年度", "令和5年度", "sheets[].evaluationYearLabel"),
  col("section", "記述の区分", "string", "取組状況・課題等・今後の方向性のいずれか", "取組状況", "sheets[].effortStatus / issues / direction", { codes: NARRATIVE_SECTIONS.map((s) => ({ code: s.label, meaning: s.label })) }),
  col("itemNumber", "項目番号", "integer", "その記述の中で何行目（段落または箇条書きの項目）か。1 から", "1", "（記述を改行で分けた順番）", { unit: "番目（順序）" }),
  col("text", "記述", "string", "1 段落または箇条書きの 1 項目。改行を含まない（記述の改行は行の区切りと項目番号で表す）", "・防災士養成講座を開催した。", "（記述の 1 行）"),
] as const;

export type ValueColumnKey = (typeof VALUE_COLUMNS)[number]["key"];
export type NarrativeColumnKey = (typeof NARRATIVE_COLUMNS)[number]["key"];
