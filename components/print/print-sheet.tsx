// One ＫＰＩ分析シート (別記様式２) laid out as the printed form: head, value table, trend chart with the status
// box, the three narratives, and the source in a footer line. One A4 page (see print.css).
import { publicNote } from "@/lib/measures/provenance";
import { Fragment } from "react";
import type { PrintSheet as PrintSheetData } from "@/lib/print/print-sheet";
import { fiscalYearLabel, fiscalYearWithWestern } from "@/lib/fiscal-year";
import { parseNarrative } from "@/lib/narratives/parse";
import { StatusBadge } from "@/components/status-badge";
import { PrintTrendChart } from "./print-trend-chart";

type Level = 1 | 2;
const H = ({ level, ...props }: { level: number } & React.HTMLAttributes<HTMLHeadingElement>) =>
  level === 1 ? <h1 {...props} /> : level === 2 ? <h2 {...props} /> : <h3 {...props} />;

const NARRATIVES = [
  ["effortStatus", "取組状況"],
  ["issues", "課題等"],
  ["direction", "今後の方向性"],
] as const;

function NarrativeText({ text }: { text: string | null }) {
  const blocks = parseNarrative(text);
  if (blocks.length === 0) return <p>記載なし</p>;
  return blocks.map((b, i) =>
    b.kind === "paragraph" ? (
      <p key={i}>{b.text}</p>
    ) : (
      <ul key={i}>
        {b.items.map((item, j) => (
          <li key={j}>{item}</li>
        ))}
      </ul>
    ),
  );
}

const lines = (l: readonly [number | null, number | null]) => (l[0] !== null ? `、${l[0]}〜${l[1] ?? l[0]}行` : "");

/** `internal`: staff of the organisation also see the source files' lines and the readers' confidence. */
export function PrintSheet({ sheet, level, page, internal = false }: { sheet: PrintSheetData; level: Level; page?: number; internal?: boolean }) {
  const { table, status } = sheet;
  const sub = level + 1;
  const rowCount = Math.max(table.rows.length, 1);
  return (
    <section className={`print-page print-sheet print-sheet--${sheet.density}`} aria-label={`ＫＰＩ分析シート No ${sheet.number}`} data-sheet={sheet.number}>
      <header className="print-sheet__head">
        {/* each organisation's own form name (a plan setting); when the plan has none the head's first cell stays empty */}
        {sheet.formName ? <p className="print-sheet__form">{sheet.formName}</p> : <div className="print-sheet__form" />}
        <H level={level} className="print-sheet__title">
          ＫＰＩ分析シート<span className="visually-hidden">（No {sheet.number} {sheet.name}）</span>
        </H>
        <table className="print-sheet__owner">
          <tbody>
            <tr>
              <th scope="row">部局</th>
              <td>{sheet.departments || "－"}</td>
            </tr>
            <tr>
              <th scope="row">課</th>
              <td>{sheet.divisions || "－"}</td>
            </tr>
          </tbody>
        </table>
      </header>

      <table className="print-values">
        <caption className="visually-hidden">No {sheet.number} {sheet.name}の戦略策定時実績値・実績値・目標値</caption>
        <thead>
          <tr>
            <th scope="col" className="print-values__no">No</th>
            <th scope="col" className="print-values__name">指標名</th>
            <th scope="col" className="print-values__label">区分</th>
            <th scope="col">戦略策定時<br />実績値{table.baselineYearLabel && <><br />（{table.baselineYearLabel}）</>}</th>
            {table.years.map((y) => (
              <th key={y.year} scope="col">{y.label}<br />実績値</th>
            ))}
            <th scope="col">目標値{table.targetYearLabel && <><br />（{table.targetYearLabel}）</>}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td className="print-values__no">{sheet.number}</td>
              <td className="print-values__name">{sheet.name}</td>
              <td colSpan={table.years.length + 3}>値の区分はありません</td>
            </tr>
          )}
          {table.rows.map((r, i) => (
            <tr key={r.label}>
              {i === 0 && (
                <>
                  <td rowSpan={rowCount} className="print-values__no">{sheet.number}</td>
                  <td rowSpan={rowCount} className="print-values__name">{sheet.name}</td>
                </>
              )}
              <th scope="row" className="print-values__label">
                {r.label}
                {r.unit && <span className="print-values__unit">（{r.unit}）</span>}
              </th>
              <td className="print-values__cell">
                {r.baseline?.text || (r.baseline ? "" : "－")}
                {r.baseline?.yearNote && <small>（{r.baseline.yearNote}）</small>}
              </td>
              {r.actuals.map((c, j) => (
                <td key={table.years[j].year} className="print-values__cell">{c?.text ?? ""}</td>
              ))}
              <td className="print-values__cell print-values__target">
                {r.target ? r.target.text : "－"}
                {r.target?.yearNote && <small>（{r.target.yearNote}）</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(sheet.footnote || sheet.notes.length > 0) && (
        <ul className="print-notes">
          {sheet.footnote && <li>（＊）{sheet.footnote}</li>}
          {sheet.notes.map((n, i) => (
            <li key={i}>{internal ? n : publicNote(n)}</li>
          ))}
        </ul>
      )}

      <div className="print-sheet__middle">
        <figure className="print-chart">
          <figcaption>実績値の推移</figcaption>
          <PrintTrendChart trend={sheet.trend} years={sheet.chartYears} title={`${sheet.name}の実績値の推移（値は表のとおり）`} />
        </figure>
        <section className="print-status">
          <H level={sub}>進捗状況（{fiscalYearLabel(sheet.year)}評価）</H>
          <p>
            算出した判定：<StatusBadge status={status.status} label={status.statusLabel} />
          </p>
          <p>
            公式評価：<strong>{status.official?.rating ?? "未設定"}</strong>
            {status.official?.agrees === false && "（判定と異なる）"}
            {status.official?.agrees === true && "（判定と一致）"}
          </p>
          {status.official?.agrees === false && status.official.reason && <p>異なる評価の理由：{status.official.reason}</p>}
          {status.pending && <p>※{status.pending.note}</p>}
          <ul>
            {status.series.map((s) => (
              <li key={s.label}>
                {status.series.length > 1 && <>{s.label}：{s.statusLabel}　</>}
                {s.explanation}
                {s.projection && <>（見込み：{s.projection.text}）</>}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <div className="print-narratives">
        {NARRATIVES.map(([key, title]) => (
          <section key={key} className="print-narrative">
            <H level={sub}>{title}</H>
            <div className="print-narrative__body">
              <NarrativeText text={sheet.entry?.[key] ?? null} />
              {key === "direction" && sheet.entry && sheet.entry.evaluationYear !== sheet.year && (
                <p className="print-narrative__year">（{fiscalYearLabel(sheet.entry.evaluationYear)}評価時の記載）</p>
              )}
            </div>
          </section>
        ))}
      </div>

      <footer className="print-sheet__foot">
        <span>
          出典：
          {sheet.source ? (
            <>
              {sheet.source.title}
              {internal && <>（{sheet.source.file}{lines(sheet.source.lines)}）</>}
            </>
          ) : (
            "登録データ"
          )}
          {internal && sheet.entrySource && <Fragment>　記載：{sheet.entrySource.file}{lines(sheet.entrySource.lines)}</Fragment>}
          {internal && sheet.confidence !== "high" && <>　読み取りの確度：{sheet.confidence === "low" ? "低" : "中"}</>}
        </span>
        <span>
          {fiscalYearWithWestern(sheet.year)}評価{page !== undefined && <>　－ {page} －</>}
        </span>
      </footer>
    </section>
  );
}
