// The columns of the three open-data CSV files, in order. The CSV writers take their header from here, the
// published table schemas (lib/opendata/table-schema.ts) and the open-data page print this same list, so the
// documentation cannot drift. The header row holds the ASCII field names (the national machine-readability rule
// L3-08 asks for field names in ASCII letters and digits for scripts); the Japanese title, type, unit and meaning
// of each field are published in the schema.

import { RULE_NAMES, RULE_SCALES } from "../progress/settings";
import { STATUS_LABELS } from "../progress/explain";
import type { ProgressRule, StatusCode } from "../progress/types";

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
  col("fiscalYear", "年度（西暦）", "integer", "西暦の年度（4月〜翌年3月。整数）。目標値で年度の記載がないもの（前年比の目標など）は計画の最終年度、期間の目標は期間の終わりの年度", "2023", "fiscalYear", { unit: "年度" }),
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

/** 判定方法 (Plan.progressRule): the rule a plan judges its KPIs by, with its name as the plan's page states it */
export const PROGRESS_RULE_CODES = Object.entries(RULE_NAMES).map(([code, meaning]) => ({ code, meaning }));

const rulesUsing = (status: StatusCode) =>
  (Object.keys(RULE_SCALES) as ProgressRule[]).filter((r) => RULE_SCALES[r].includes(status) || status === "not_judgeable").map((r) => RULE_NAMES[r].replace(/（.*$/, ""));

/** 判定 (status codes): every code a rule gives, with its mark and the rules that use it */
export const STATUS_CODES = (Object.keys(STATUS_LABELS) as StatusCode[]).map((code) => ({
  code,
  meaning: `「${STATUS_LABELS[code]}」${code === "not_judgeable" ? "（数値がない・目標が文字などで判定できない。どの方式にもある）" : `（${rulesUsing(code).join("・")}）`}`,
}));

/** the marks (statusLabel): each mark once, with the rules that print it */
export const STATUS_LABEL_CODES = [...new Set(Object.values(STATUS_LABELS))].map((label) => ({
  code: label,
  meaning: `${label}：${[...new Set((Object.keys(STATUS_LABELS) as StatusCode[]).filter((c) => STATUS_LABELS[c] === label).flatMap(rulesUsing))].join("・")}`,
}));

export const YES_NO_CODES = [
  { code: "true", meaning: "はい" },
  { code: "false", meaning: "いいえ" },
] as const;

/**
 * statuses.csv: one row per measure × evaluation year × value series — the status the plan's own rule gives
 * (its scale: 達成/概ね順調/遅れ/悪化, ○△×, S/A/B/C, ◎○△×, 達成/順調/やや遅れ/遅れ), the numbers that produced
 * it, the 見込み (a projection, never an actual) and the official rating. Computed from the published values by the
 * same code as the KPI page (lib/progress/), not stored.
 */
export const STATUS_COLUMNS = [
  col("organizationCode", "全国地方公共団体コード", "string", "団体の6桁のコード（検査数字付き）", "402273", "organizations[].code"),
  col("organizationName", "団体名", "string", "地方公共団体の正式名称", "嘉麻市", "organizations[].name"),
  col("planSlug", "計画ID", "string", "計画（総合戦略）の識別子", "kama-2020", "plans[].slug"),
  col("planName", "計画名", "string", "計画（総合戦略）の名称", "嘉麻市まち・ひと・しごと創生第2期総合戦略", "plans[].name"),
  col("progressRule", "判定方法", "string", "計画が使う判定の方式（コード）。しきい値は計画のページと JSON の progressSettings", "kama", "plans[].progressRule", { codes: PROGRESS_RULE_CODES }),
  col("measureNumber", "指標番号", "string", "印字どおりの番号", "1-1", "measures[].number"),
  col("measureKind", "指標の種類", "string", "「KPI」または「基本目標」（基本目標は自動判定しない）", "KPI", "measures[].kind", { codes: codes(MEASURE_KIND_LABELS, { KPI: "重要業績評価指標", 基本目標: "計画の基本目標の数値目標" }) }),
  col("measureName", "指標名", "string", "指標の名称", "起業支援による創業者数", "measures[].name"),
  col("evaluationYear", "評価年度（西暦）", "integer", "判定した評価年度（西暦、整数）", "2023", "statuses[].evaluationYear", { unit: "年度" }),
  col("evaluationYearLabel", "評価年度（和暦）", "string", "和暦の評価年度", "令和5年度", "statuses[].evaluationYearLabel"),
  col("measureStatus", "指標の判定（コード）", "string", "指標としての判定：判定できた系列のうち最も悪いもの（コード）", "good", "statuses[].status", { codes: STATUS_CODES }),
  col("measureStatusLabel", "指標の判定", "string", "指標としての判定を計画の方式の表記で（S・A・B・C の計画なら S など）", "○", "statuses[].statusLabel", { codes: STATUS_LABEL_CODES }),
  col("seriesLabel", "系列", "string", "判定した値の行（単年・累計など。values.csv の seriesLabel と同じ）", "累計", "statuses[].series[].label"),
  col("decidingSeries", "指標の判定を決めた系列", "string", "この系列の判定が指標の判定になったか（true / false）", "true", "statuses[].decidingSeries", { codes: YES_NO_CODES }),
  col("status", "判定（コード）", "string", "この系列の判定（コード）", "good", "statuses[].series[].status", { codes: STATUS_CODES }),
  col("statusLabel", "判定", "string", "この系列の判定を計画の方式の表記で（達成・概ね順調・遅れ・悪化／○・△・×／S・A・B・C／◎・○・△・×／達成・順調・やや遅れ・遅れ、判定不能）", "○", "statuses[].series[].statusLabel", { codes: STATUS_LABEL_CODES }),
  col("rate", "進捗率", "number", "目標に対する進捗率（%、小数第1位。（実績値 − 基準値）÷（目標値 − 基準値）など、式は explanation の列）。計算できないときは空欄（0 ではない）", "86.7", "statuses[].series[].rate", { unit: "%" }),
  col("judgedYear", "判定に使った実績の年度（西暦）", "integer", "判定に使った実績値の年度（西暦、整数）。評価年度より前なら、評価年度の数値は集計中など（pendingNote の列）", "2023", "statuses[].series[].evaluatedYear", { unit: "年度" }),
  col("pendingNote", "後から出る数値", "string", "判定に使った年度が評価年度より前のときの説明（評価年度の数値が出たら判定が変わることがある）。なければ空欄", "令和5年度の実績で判定（令和6年度の実績は「集計中」。数値が出たら判定が変わることがあります）", "statuses[].series[].pending.note"),
  col("unit", "単位", "string", "expectedValue・projectionValue の単位（出典に印字された単位。印字のないものは空欄）", "区画", "measures[].series[].unit"),
  col("expectedValue", "見込み値（その年度の目安）", "number", "目標年度より前の年度を判定したとき、judgedYear に期待される値（基準値から目標値への道筋の上の値、または年度別目標値）。実績ではない。なければ空欄", "46", "statuses[].series[].expected.value", { unit: "unit の列" }),
  col("expectedRate", "見込み比", "number", "見込み値に対する進み具合（%、小数第1位）。目標年度より前の年度はこの値で判定する", "67.4", "statuses[].series[].expected.rate", { unit: "%" }),
  col("projectionYear", "見込みの年度（西暦）", "integer", "見込み（projectionValue）の年度＝目標年度（西暦、整数）", "2024", "statuses[].series[].projection.fiscalYear", { unit: "年度" }),
  col("projectionValue", "見込み（推計、実績ではない）", "number", "これまでの実績からの直線の当てはめで推計した目標年度の値。実績値ではなく、保存もしない見込み。推計できないときは空欄", "13", "statuses[].series[].projection.value", { unit: "unit の列" }),
  col("projectionPoints", "見込みに使った実績の数", "integer", "見込みの直線の当てはめに使った実績値の数（2 以上）", "4", "statuses[].series[].projection.points", { unit: "点" }),
  col("projectionText", "見込みの説明", "string", "見込みを文で（「このままでは…の見込み」）。実績ではない", "このままでは令和6年度に 13 区画の見込み（目標 50 区画・目標に届かない見込み。令和2年度〜令和5年度の実績4点からの直線の見込み）", "statuses[].series[].projection.text"),
  col("officialRating", "公式評価", "string", "団体が公表した評価（計画の方式の表記）。指標ごとなので同じ指標・評価年度の行では同じ。なければ空欄", "○", "statuses[].official.rating"),
  col("officialAgrees", "公式評価と判定の一致", "string", "公式評価が指標の判定（measureStatusLabel）と同じか（true / false）。公式評価がないか判定不能なら空欄", "false", "statuses[].official.agrees", { codes: YES_NO_CODES }),
  col("officialReason", "公式評価が異なる理由", "string", "公式評価が計算した判定と異なるときに企画担当が書いた理由", "年度末に事業が完了したため", "statuses[].official.reason"),
  col("explanation", "判定の根拠", "string", "判定がどの数値からどう決まったか（式と数値。1 行）", "比較値 13 = 2 + 5 + 1 + 5（合計）÷ 目標 15 = 86.7%", "statuses[].series[].explanation"),
] as const;

export type StatusColumnKey = (typeof STATUS_COLUMNS)[number]["key"];
