// The BENCHMARK'S CEILING PAGE (npm run bench): NOT part of the product. bench/build.ts copies this file to
// app/bench-static/route.ts for the benchmark's own build only (into .next-bench) and removes it again, so the
// product's build (.next, npm start) has no /bench-static. In that build it is an HTML page built once by
// `next build` and then served by the same Next.js server as the real pages, with no database, no session and no
// rendering per request. It is about the size of a plan's overview with 50 KPIs (its table, filters and
// summaries, plus a data block in place of the RSC payload), so its throughput is the most this server can do for
// a page that big; the benchmark reports each real page's throughput as a fraction of it. Invented content, not
// linked from anywhere, not indexed. Self-contained (no imports): it is compiled from app/bench-static/.
//
// A route handler rather than a page.tsx: a page is wrapped in the root layout, which reads the session and so
// cannot be prerendered by `next build` without AUTH_SECRET.
export const dynamic = "force-static";

const ROWS = 50;
const STATUSES = [
  ["achieved", "達成"],
  ["on_track", "概ね順調"],
  ["behind", "遅れ"],
  ["worse", "悪化"],
  ["not_judgeable", "判定不能"],
] as const;
const NAMES = ["新規創業件数", "観光入込客数", "移住相談件数", "特定健診の受診率", "防災士の資格取得者数", "行政手続のオンライン化率", "女性の就業率", "再生可能エネルギーの導入量"];
const DEPARTMENTS = ["総務部", "企画振興部", "健康福祉部", "商工観光労働部", "農林水産部"];
const DIVISIONS = ["危機管理防災課", "地域振興課", "子ども未来課", "観光振興課", "農業技術課"];
const GOALS = ["しごとをつくる", "ひとの流れをつくる", "結婚・出産・子育ての希望をかなえる", "魅力的な地域をつくる"];

const rows = Array.from({ length: ROWS }, (_, i) => ({
  no: i + 1,
  name: `${NAMES[i % NAMES.length]}（例${i + 1}）`,
  owner: `${DEPARTMENTS[i % 5]} ${DIVISIONS[i % 5]}`,
  latest: (1000 + i * 37).toLocaleString("en-US"),
  target: (1500 + i * 41).toLocaleString("en-US"),
  rate: `${(40 + ((i * 13) % 70)).toFixed(1)}%`,
  status: STATUSES[i % STATUSES.length],
  explanation: `進捗率 ${(40 + ((i * 13) % 70)).toFixed(1)}% = (例示の実績 − 例示の基準値) ÷ (例示の目標値 − 例示の基準値)（令和6年度実績）`,
}));

const badge = (code: string, label: string) => `<span class="status-badge status-badge--${code}">${label}</span>`;
const options = (values: string[]) => `<option value="">すべて</option>${values.map((v) => `<option value="${v}">${v}</option>`).join("")}`;
const select = (name: string, label: string, values: string[]) =>
  `<div class="field"><label for="bench-${name}">${label}</label><select id="bench-${name}" name="${name}">${options(values)}</select></div>`;
const summary = (caption: string, groups: string[]) =>
  `<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0"><table class="data-table"><caption>${caption}</caption><thead><tr><th scope="col">区分</th><th scope="col" class="num">指標数</th>${STATUSES.map(([, l]) => `<th scope="col" class="num">${l}</th>`).join("")}</tr></thead><tbody>${groups
    .map((g, gi) => `<tr><th scope="row">${g}</th><td class="num">${10 + gi}</td>${STATUSES.map((_, si) => `<td class="num">${(gi * 7 + si * 3) % 11}</td>`).join("")}</tr>`)
    .join("")}</tbody></table></div>`;
const sections = GOALS.flatMap((g, i) => [`基本目標${i + 1} ${g}`, ...[1, 2, 3].map((n) => `　(${n}) 施策${i + 1}-${n}の例`)]);

const table = rows
  .map(
    (r) =>
      `<tr><td class="num">${r.no}</td><th scope="row"><a href="#row-${r.no}" id="row-${r.no}">${r.name}</a></th><td>${r.owner}</td>` +
      `<td class="num">${r.latest}<span class="muted"> 件</span><br><span class="muted">令和6年度</span></td><td class="num">${r.target}</td>` +
      `<td class="num">${r.rate}</td><td>${badge(r.status[0], r.status[1])}<div class="muted">公式評価 ${r.status[1]}</div><div class="explanation">${r.explanation}</div></td></tr>`,
  )
  .join("");

const form = `<form method="get" action="#" class="filters" aria-label="例示の絞り込み">${select("year", "評価年度", ["令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度"])}${select("section", "施策区分", sections)}${select("division", "担当課", DEPARTMENTS.flatMap((d) => DIVISIONS.map((v) => `${d} ${v}`)))}${select("status", "進捗状況", STATUSES.map(([, l]) => l))}<button type="submit" class="button">絞り込む</button></form>`;
// the overview draws a bar chart of the status counts (server-rendered SVG): one of the same kind
const chart = `<figure class="chart-figure"><figcaption>進捗状況別の指標数（例）</figcaption><svg role="img" aria-label="進捗状況別の指標数（例）" viewBox="0 0 480 240" width="480" height="240">${STATUSES.map(
  ([code, label], i) =>
    `<g class="bar bar--${code}"><rect x="${20 + i * 92}" y="${220 - (i + 2) * 25}" width="60" height="${(i + 2) * 25}" fill="currentColor"></rect><text x="${50 + i * 92}" y="236" text-anchor="middle" font-size="12">${label}</text><text x="${50 + i * 92}" y="${214 - (i + 2) * 25}" text-anchor="middle" font-size="12">${(i + 2) * 5}件</text></g>`,
).join("")}<line x1="10" y1="220" x2="470" y2="220" stroke="currentColor"></line></svg></figure>`;
const summaries = `${chart}${summary("施策区分別（例）", GOALS)}${summary("担当部局別（例）", DEPARTMENTS)}`;
const main = `<h1>ベンチマーク用の静的ページ</h1>
<p class="explanation">このページは性能測定（npm run bench）の上限を測るためのもので、ビルド時に一度だけ作られ、データベースに接続しません。表の内容は架空のものです。</p>
${form}<h2>例示の集計</h2>${summaries}
<h2>例示の指標一覧</h2><div class="table-scroll" role="region" aria-label="例示の表" tabindex="0"><table class="data-table"><caption>例示の表（${ROWS}件）</caption>
<thead><tr>${["No", "指標名", "担当部局・課", "最新実績", "目標値", "進捗率", "進捗状況"].map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${table}</tbody></table></div>`;

// A real page sends its content a second time as the RSC payload (for the overview, twice the size of the
// markup): here a JSON block of the same shape ("$", tag, key, props) and about the same size
const el = (tag: string, props: Record<string, unknown>, ...children: unknown[]) => ["$", tag, null, { ...props, children }];
const tree = rows.map((r) =>
  el("tr", {},
    el("td", { className: "num" }, r.no),
    el("th", { scope: "row" }, el("a", { href: `#row-${r.no}`, id: `row-${r.no}` }, r.name)),
    el("td", {}, r.owner),
    el("td", { className: "num" }, r.latest, el("span", { className: "muted" }, " 件"), el("br", {}), el("span", { className: "muted" }, "令和6年度")),
    el("td", { className: "num" }, r.target),
    el("td", { className: "num" }, r.rate),
    el("td", {}, el("span", { className: `status-badge status-badge--${r.status[0]}` }, r.status[1]), el("div", { className: "muted" }, `公式評価 ${r.status[1]}`), el("div", { className: "explanation" }, r.explanation)),
  ),
);
const payload = JSON.stringify({ rows, sections, departments: DEPARTMENTS, divisions: DIVISIONS, tree, form, summaries }).replace(/</g, "\\u003c");

const BODY = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ベンチマーク用の静的ページ（性能の上限の測定用） | 総合戦略 KPI ダッシュボード</title><meta name="robots" content="noindex, nofollow"></head>
<body><header class="site-header"><div class="site-header__inner"><a class="site-header__title" href="/">総合戦略 KPI ダッシュボード</a><a href="/orgs">団体一覧</a></div></header>
<main id="main" class="site-main">${main}
</main><footer class="site-footer"><div class="site-footer__inner">ベンチマーク用（架空の内容）</div></footer>
<script type="application/json" id="bench-data">${payload}</script></body></html>`;

export function GET(): Response {
  return new Response(BODY, { headers: { "content-type": "text/html; charset=utf-8" } });
}
