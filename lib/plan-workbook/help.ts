// The 説明 sheet's explanation of each column of 指標: what it is, whether it is required, the values it takes,
// an example.
import { fiscalYearWithWestern, shortEraYear } from "../fiscal-year";
import { AGGREGATION_WORDS, COUNTS_WITHIN_PERIOD_WORDS, DIRECTION_WORDS, H, KIND_WORDS, STATUS_WORDS, TARGET_KIND_WORDS, ownerOfHeader, yearOfTargetHeader } from "./layout";

export type ColumnHelp = { what: string; required: string; values: string; example: string };

const words = (o: Record<string, string>) => Object.values(o).map((w) => `「${w}」`).join("・");

const HELP: Record<string, ColumnHelp> = {
  [H.number]: { what: "指標の番号（印字どおり）。行を指標に対応づけるキーです。", required: "必須", values: "20文字まで。計画の中で重複しないこと", example: "1-1、追加1" },
  [H.name]: { what: "指標名", required: "必須", values: "500文字まで", example: "ブライト企業に就職した新卒学生数" },
  [H.kind]: { what: "KPI か、基本目標の数値目標か", required: "空欄は KPI", values: words(KIND_WORDS), example: KIND_WORDS.kpi },
  [H.section]: { what: "指標が属する計画の区分（柱・施策）。シート「区分」の一覧から選びます。", required: "任意", values: "「キー：名称」またはキーだけ（「：」より前のキーだけを読み取ります）", example: "2-1：「くまもとで働く」人材の確保・育成" },
  [H.footnote]: { what: "指標名の注（＊）", required: "任意", values: "1,000文字まで", example: "＊県内に本社を置く企業" },
  [H.notes]: { what: "備考（※）。複数あるときはセル内で改行して1行に1つ", required: "任意", values: "1つ1,000文字まで、20まで", example: "※令和5年度から調査方法を変更" },
  [H.label]: { what: "系列の数え方（行の区分）。同じ指標の中で重複しないこと。系列のない指標は、この列から右の系列の列をすべて空欄にします。", required: "系列がある行は必須", values: "40文字まで", example: "単年、累計、市町村（累計）" },
  [H.unit]: { what: "単位", required: "任意", values: "20文字まで。シート「リスト」の単位から選ぶか、直接入力", example: "人、件/年、%" },
  [H.baselineYear]: { what: "基準値（戦略策定時の実績値）の年度", required: "任意", values: "西暦の整数（「R6」「令和6年度」も可）", example: "2023" },
  [H.baselineValue]: { what: "基準値。数値、または「集計中」「－」などの文字", required: "任意", values: "数値（小数点以下6桁まで）、「1,027」「▲12」のような文字、「集計中」「－」など", example: "1027" },
  [H.baselineText]: { what: "基準値の印字が数値のふつうの書き方と違うときだけ入力（空欄なら数値から「1,027」のように作ります）。基準値を変えたときは、この列も直すか空欄にしてください。", required: "任意", values: "60文字まで（文字のまま保存します）", example: "2兆8,461" },
  [H.targetKind]: { what: "目標の種類。空欄なら目標なし（目標の列はすべて空欄にします）", required: "目標がある行は必須", values: words(TARGET_KIND_WORDS), example: TARGET_KIND_WORDS.number },
  [H.targetDirection]: { what: "目標の方向", required: "「数値」「以上」「前年比」「期間合計」では必須", values: words(DIRECTION_WORDS), example: DIRECTION_WORDS.higher },
  [H.targetYear]: { what: "目標年度", required: "任意", values: "西暦の整数", example: "2027" },
  [H.targetValue]: { what: "目標値（数値）", required: "「数値」「以上」「期間合計」では必須", values: "数値、または「1,500」のような文字", example: "1500" },
  [H.targetText]: { what: "目標の印字。「前年比」「達成状態」では必須（前年比減、完了 など）。数値の目標では、ふつうの書き方と違うときだけ", required: "種類による", values: "60文字まで", example: "前年比減、完了、21事業以上" },
  [H.periodStart]: { what: "「期間合計」の目標の期間の最初の年度", required: "「期間合計」では必須", values: "西暦の整数", example: "2025" },
  [H.periodEnd]: { what: "「期間合計」の目標の期間の最後の年度", required: "「期間合計」では必須", values: "西暦の整数（開始年度以降）", example: "2029" },
  [H.aggregation]: { what: "実績値（目標値比較）の求め方：年度ごとの実績の合計か、最新の実績か", required: "任意", values: words(AGGREGATION_WORDS), example: AGGREGATION_WORDS.sum },
  [H.countsWithinPeriod]: { what: "実績値が計画期間の初年度からの累計で、基準値が前の期間の合計のとき「はい」（例：単位「件/4年」の累計）。進捗は基準値からではなく目標値に対する割合で判定します", required: "任意（空欄は通常の数え方）", values: words(COUNTS_WITHIN_PERIOD_WORDS), example: COUNTS_WITHIN_PERIOD_WORDS.yes },
  [H.status]: { what: "運用中か廃止か。「廃止」にすると指標を廃止し（値と履歴は残ります）、「運用」に戻すと再開します", required: "空欄は「運用」", values: words(STATUS_WORDS), example: STATUS_WORDS.active },
  [H.reason]: { what: "変更の理由（監査記録に残ります）。運用中の計画で基準値・目標値を変えるときは必須", required: "場合により必須", values: "500文字まで", example: "国の統計の公表方法が変わったため" },
};

export function columnHelp(header: string, ctx: { years: number[]; plan: { startYear: number; endYear: number } }): ColumnHelp {
  const known = HELP[header];
  if (known) return known;
  const owner = ownerOfHeader(header);
  if (owner) {
    return owner.part === "department"
      ? { what: `担当${owner.index + 1}の部局（部・庁・本部など）。シート「リスト」から選びます`, required: owner.index === 0 ? "任意" : "任意（担当が複数のとき）", values: "組織の部局名（廃止された部局は新しく担当にできません）", example: "土木部" }
      : { what: `担当${owner.index + 1}の課。部局だけが担当のときは空欄`, required: "任意（課を書くときは部局も必須）", values: "その部局の課の名前", example: "道路整備課" };
  }
  const year = yearOfTargetHeader(header);
  if (year !== null) {
    return { what: `${fiscalYearWithWestern(year)}の年度別目標値`, required: "任意", values: "数値、または文字（印字どおり）", example: shortEraYear(year) === "R6" ? "1200" : "1300" };
  }
  return { what: "", required: "", values: "", example: "" };
}
