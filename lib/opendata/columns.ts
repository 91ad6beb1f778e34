// The columns of the two open-data CSV files, in order. The CSV writers take their header from here and the
// open-data page prints this same list as the column definitions, so the documentation cannot drift.

export type ColumnDef<K extends string = string> = {
  key: K;
  /** the header cell (Japanese, as the 機械可読性 rules expect one item name per column) */
  header: string;
  description: string;
  example: string;
  /** where the same item is in the JSON export */
  json: string;
};

const col = <K extends string>(key: K, header: string, description: string, example: string, json: string): ColumnDef<K> => ({ key, header, description, example, json });

/** values.csv: one row per measure, value series, kind of value (基準値 / 実績値 / 目標値 …) and fiscal year. */
export const VALUE_COLUMNS = [
  col("organizationCode", "全国地方公共団体コード", "団体の6桁のコード（検査数字付き）", "430005", "organizations[].code"),
  col("organizationName", "団体名", "地方公共団体の名称", "熊本県", "organizations[].name"),
  col("planSlug", "計画ID", "計画（総合戦略）の識別子。API の URL に使う", "kumamoto-2020", "plans[].slug"),
  col("planName", "計画名", "計画（総合戦略）の名称", "第2期 熊本県まち・ひと・しごと創生総合戦略", "plans[].name"),
  col("measureNumber", "指標番号", "印字どおりの番号", "6", "measures[].number"),
  col("measureKind", "指標の種類", "「KPI」または「基本目標」", "KPI", "measures[].kind"),
  col("measureName", "指標名", "重要業績評価指標（KPI）または基本目標の名称", "県が育成した防災士の資格取得者数", "measures[].name"),
  col("owners", "担当部署", "担当の部局と課を「／」で区切る。複数の担当は「；」で区切る", "知事公室／危機管理防災課", "measures[].owners"),
  col("seriesLabel", "系列", "値の行の区分（単年・累計など）", "累計", "series[].label"),
  col("valueKind", "値の区分", "基準値・実績値・目標値・年度別目標値・推計値・実績値（目標値比較）のいずれか", "実績値", "series[].baseline / actuals / target / targetPath / estimates / comparison"),
  col("fiscalYear", "年度", "西暦の年度（数値）。年度のない値は空欄", "2023", "fiscalYear"),
  col("fiscalYearLabel", "年度（和暦）", "和暦の年度", "令和5年度", "fiscalYearLabel"),
  col("value", "数値", "値（数値、桁区切りなし）。印字が数値でない場合（集計中、－ など）は空欄。空欄は 0 ではない", "1759", "value"),
  col("unit", "単位", "数値の単位", "人", "series[].unit"),
  col("text", "表示値", "印字どおりの値（「1,759」「集計中」「完了」など）", "1,759", "text"),
  col("printedYearLabel", "年度の表記", "基準値の年度の印字どおりの表記", "R1", "baseline.printedYearLabel"),
  col("cellLabel", "注記", "セルに印字された注記（年がずれている値など）", "(H31)", "cellLabel"),
  col("period", "期間", "期間についての値の印字どおりの期間", "H27→R2", "period"),
  col("asOf", "時点", "値の時点（速報値など）", "令和8年1月末時点", "asOf"),
  col("note", "備考", "値についての備考", "", "note"),
  col("targetKind", "目標の種類", "目標値の行だけ：数値・以上・前年比・達成状態・期間合計", "数値", "target.kind"),
  col("targetDirection", "目標の方向", "目標値の行だけ：「増加」（高いほどよい）または「減少」（低いほどよい）", "増加", "target.direction"),
  col("targetPeriodStart", "目標期間の開始年度", "期間合計の目標の開始年度（西暦）", "2020", "target.periodStart"),
  col("targetPeriodEnd", "目標期間の終了年度", "期間合計の目標の終了年度（西暦）", "2024", "target.periodEnd"),
  col("aggregation", "集計方法", "実績値（目標値比較）の行だけ：「合計」（各年度の実績値の和）または「最新値」", "合計", "comparison.aggregation"),
] as const;

/** narratives.csv: one row per line (paragraph or bullet item) of a published narrative. */
export const NARRATIVE_COLUMNS = [
  col("organizationCode", "全国地方公共団体コード", "団体の6桁のコード（検査数字付き）", "430005", "organizations[].code"),
  col("organizationName", "団体名", "地方公共団体の名称", "熊本県", "organizations[].name"),
  col("planSlug", "計画ID", "計画（総合戦略）の識別子", "kumamoto-2020", "plans[].slug"),
  col("planName", "計画名", "計画（総合戦略）の名称", "第2期 熊本県まち・ひと・しごと創生総合戦略", "plans[].name"),
  col("measureNumber", "指標番号", "印字どおりの番号", "6", "measures[].number"),
  col("measureName", "指標名", "指標の名称", "県が育成した防災士の資格取得者数", "measures[].name"),
  col("evaluationYear", "評価年度", "記述を書いた評価年度（西暦、数値）", "2023", "sheets[].evaluationYear"),
  col("evaluationYearLabel", "評価年度（和暦）", "和暦の評価年度", "令和5年度", "sheets[].evaluationYearLabel"),
  col("section", "記述の区分", "取組状況・課題等・今後の方向性のいずれか", "取組状況", "sheets[].effortStatus / issues / direction"),
  col("itemNumber", "項目番号", "その記述の中で何行目（段落または箇条書きの項目）か。1 から", "1", "（記述を改行で分けた順番）"),
  col("text", "記述", "1 段落または箇条書きの 1 項目。改行を含まない", "・防災士養成講座を開催した。", "（記述の 1 行）"),
] as const;

export type ValueColumnKey = (typeof VALUE_COLUMNS)[number]["key"];
export type NarrativeColumnKey = (typeof NARRATIVE_COLUMNS)[number]["key"];

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

/** 記述の区分, in the order the sheet prints them */
export const NARRATIVE_SECTIONS = [
  { key: "effortStatus", label: "取組状況" },
  { key: "issues", label: "課題等" },
  { key: "direction", label: "今後の方向性" },
] as const;
