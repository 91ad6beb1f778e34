import type { Metadata } from "next";
import { NARRATIVE_COLUMNS, STATUS_COLUMNS, VALUE_COLUMNS, VALUE_STATUS } from "@/lib/opendata/columns";
import { RULE_NAMES, RULE_SCALES } from "@/lib/progress/settings";
import { STATUS_LABELS } from "@/lib/progress/explain";
import type { ProgressRule } from "@/lib/progress/types";
import { apiSchemaPath, openDataPagePath } from "@/lib/opendata/paths";
import { SPECIAL_MARKS } from "@/lib/opendata/table-schema";
import { ScrollRegion } from "@/components/scroll-region";
import { ColumnTable } from "../column-table";

export const metadata: Metadata = {
  title: "オープンデータの列の定義",
  description: "値・記述・判定の各 CSV（と Excel のシート）の列の定義：フィールド名、項目名、型・単位、内容、例、欠損値のコードと特殊記号、判定の表記",
};

// The human-readable twin of the published schemas (/api/v1/schemas/*.json), from the same column lists the CSV
// writer uses. A page of its own rather than part of /opendata: three tables of 12–44 rows are reference material,
// and on a phone they tripled the work of laying out the page that a reader opens to download a file.
export default function OpenDataColumnsPage() {
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/">ホーム</a></li>
          <li><a href={openDataPagePath}>オープンデータ</a></li>
          <li>列の定義</li>
        </ol>
      </nav>
      <h1>オープンデータの列の定義</h1>
      <p>
        <a href={openDataPagePath}>オープンデータ</a>の CSV（と Excel の同じ名前のシート）の列を、ファイルの列の順に示します。
        同じ内容をプログラム向けに <a href={apiSchemaPath("values")}>値 CSV のスキーマ</a>・<a href={apiSchemaPath("narratives")}>記述 CSV のスキーマ</a>・
        <a href={apiSchemaPath("statuses")}>判定 CSV のスキーマ</a>（Frictionless Table Schema）で公開しています。文字コードと形式は
        <a href={`${openDataPagePath}#format`}>オープンデータのページ</a>にあります。
      </p>
      <nav aria-label="このページの目次">
        <ul>
          <li><a href="#values-columns">値 CSV（values.csv）の列</a>（<a href="#missing-values">欠損値と特殊記号</a>）</li>
          <li><a href="#narratives-columns">記述 CSV（narratives.csv）の列</a></li>
          <li><a href="#statuses-columns">判定 CSV（statuses.csv）の列</a>（<a href="#status-labels">判定方法ごとの判定の表記</a>）</li>
        </ul>
      </nav>

      <h2 id="values-columns">値 CSV（values.csv）の列</h2>
      <p>
        1 行が「指標 × 系列（単年・累計など）× 値の区分 × 年度」の 1 つの値です（縦持ち）。基準値・実績値・目標値は <code>valueKind</code> の列で区別します。
        数値は <code>value</code> の列に数値だけ（桁区切りなし）を、単位は <code>unit</code> の列に、印字どおりの表記は <code>text</code> の列に入れます。
        見出し（1 行目）はプログラムで扱いやすい英数字のフィールド名で、日本語の項目名・型・単位・内容は下の表と<a href={apiSchemaPath("values")}>スキーマ</a>にあります。
        時点と期間は、印字どおりの表記（<code>asOf</code>・<code>period</code>）の隣に ISO 8601 の日付・年（<code>asOfDate</code>、<code>periodStart</code>・<code>periodEnd</code>）を置きます。
      </p>
      <ColumnTable caption="値 CSV の列" columns={VALUE_COLUMNS} />
      <h3 id="missing-values">欠損値と特殊記号</h3>
      <p>
        <code>value</code> が空欄のとき、その理由を <code>valueStatus</code> の列に次のコードで示します（空欄は 0 ではありません）。印字された記号は <code>text</code> にそのまま残します。
      </p>
      <ScrollRegion label="valueStatus のコード">
        <table className="data-table">
          <caption>valueStatus のコード</caption>
          <thead>
            <tr>
              <th scope="col">コード</th>
              <th scope="col">意味</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(VALUE_STATUS).map(([code, meaning]) => (
              <tr key={code}>
                <th scope="row"><code>{code}</code></th>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion label="特殊記号の定義">
        <table className="data-table">
          <caption>特殊記号の定義</caption>
          <thead>
            <tr>
              <th scope="col">印字</th>
              <th scope="col">意味</th>
              <th scope="col">valueStatus</th>
            </tr>
          </thead>
          <tbody>
            {SPECIAL_MARKS.map((m) => (
              <tr key={m.mark}>
                <th scope="row">{m.mark}</th>
                <td>{m.meaning}</td>
                <td>{m.valueStatus ? <code>{m.valueStatus}</code> : <span className="muted">―</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id="narratives-columns">記述 CSV（narratives.csv）の列</h2>
      <p>
        1 行が、公開済みの記述の 1 段落または箇条書きの 1 項目です。1 つの値の中に改行を入れないため、記述は改行ごとに行を分け、<code>itemNumber</code> で順番を示します。
        同じ指標・評価年度・記述の区分の行を <code>itemNumber</code> の順に改行でつなぐと、元の記述に戻ります（空行は出力しません）。
      </p>
      <ColumnTable caption="記述 CSV の列" columns={NARRATIVE_COLUMNS} />

      <h2 id="statuses-columns">判定 CSV（statuses.csv）の列</h2>
      <p>
        1 行が「指標 × 評価年度 × 系列」の進捗の判定です（縦持ち）。判定は公開済みの値から KPI のページと同じ計算で求め、計画の判定方法（<code>progressRule</code>）の表記で{" "}
        <code>statusLabel</code> に、コードを <code>status</code> に入れます。進捗率は <code>rate</code>（%）、判定の式と数値は <code>explanation</code> にあります。
        指標としての判定（<code>measureStatusLabel</code>）と公式評価は指標・評価年度ごとの値で、その各系列の行に同じ値が入ります。
        判定に使った実績の年度（<code>judgedYear</code>）が評価年度より前のときは、評価年度の数値が集計中などであることを <code>pendingNote</code> に書きます。
      </p>
      <p>
        <strong><code>projection</code> で始まる列は見込み（推計）で、実績値ではありません。</strong>
        これまでの実績からの直線の当てはめで求めた目標年度の値で、保存もしていません。
      </p>
      <ColumnTable caption="判定 CSV の列" columns={STATUS_COLUMNS} />
      <ScrollRegion label="判定方法ごとの判定の表記">
        <table className="data-table" id="status-labels">
          <caption>判定方法ごとの判定の表記（statusLabel。よい順、ほかに「判定不能」）</caption>
          <thead>
            <tr>
              <th scope="col">progressRule</th>
              <th scope="col">判定方法</th>
              <th scope="col">statusLabel（status）</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(RULE_NAMES) as ProgressRule[]).map((rule) => (
              <tr key={rule}>
                <th scope="row"><code>{rule}</code></th>
                <td>{RULE_NAMES[rule]}</td>
                <td>{RULE_SCALES[rule].map((s) => `${STATUS_LABELS[s]}（${s}）`).join("・")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

    </>
  );
}
