import { fiscalYearWithWestern } from "@/lib/fiscal-year";

/** The cover of a printed plan (or of one department's sheets). */
export function PrintCover(props: { organization: string; plan: string; department: string | null; year: number; printedOn: string; sheets: number; pages: number }) {
  return (
    <section className="print-page print-cover" aria-label="表紙" data-front="cover">
      <p className="print-cover__org">{props.organization}</p>
      <h1 className="print-cover__title">
        {props.plan}
        <br />
        <span className="print-cover__sub">ＫＰＩ分析シート</span>
      </h1>
      <dl>
        <dt>評価年度</dt>
        <dd>{fiscalYearWithWestern(props.year)}</dd>
        {props.department !== null && (
          <>
            <dt>担当部局</dt>
            <dd>{props.department}</dd>
          </>
        )}
        <dt>シート数</dt>
        <dd>{props.sheets}枚（全{props.pages}ページ）</dd>
        <dt>印刷日</dt>
        <dd>{props.printedOn}</dd>
      </dl>
      {props.sheets === 0 && <p className="print-cover__none">該当する指標はありません。</p>}
    </section>
  );
}
