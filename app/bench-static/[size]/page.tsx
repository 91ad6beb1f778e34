import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScrollRegion } from "@/components/scroll-region";
import { StatusBadge } from "@/components/status-badge";
import type { StatusCode } from "@/lib/progress/types";

// The BENCHMARK'S CEILING PAGE (npm run bench, bench/run.ts): a page rendered once at build time and served
// from the build, with no database and no per-request work. Its HTML is about the size of a plan's overview
// with 50 KPIs, so its throughput is the most the server can do for a page that big; each real page's
// throughput is reported as a fraction of it. Fixed invented content, not linked from anywhere.
export const dynamic = "force-static";
// Rendered on its first request, not during `next build`: the root layout reads the session, which needs the
// runtime's AUTH_SECRET. From the second request on it is served from Next's cache like any prerendered page.
export const dynamicParams = true;
export function generateStaticParams(): { size: string }[] {
  return [];
}

export const metadata: Metadata = { title: "ベンチマーク用の静的ページ（性能の上限の測定用）", robots: { index: false, follow: false } };

const ROWS = 50;
const STATUSES: [StatusCode, string][] = [
  ["achieved", "達成"],
  ["on_track", "概ね順調"],
  ["behind", "遅れ"],
  ["worse", "悪化"],
  ["not_judgeable", "判定不能"],
];
const NAMES = ["新規創業件数", "観光入込客数", "移住相談件数", "特定健診の受診率", "防災士の資格取得者数", "行政手続のオンライン化率", "女性の就業率", "再生可能エネルギーの導入量"];
const OWNERS = ["総務部 危機管理防災課", "企画振興部 地域振興課", "健康福祉部 子ども未来課", "商工観光労働部 観光振興課", "農林水産部 農業技術課"];

const SECTIONS = ["しごとをつくる", "ひとの流れをつくる", "結婚・出産・子育て", "魅力的な地域をつくる"].flatMap((g, i) => [`基本目標${i + 1} ${g}`, ...[1, 2, 3].map((n) => `　(${n}) 施策${i + 1}-${n}の例`)]);
const UNITS = OWNERS.flatMap((o) => [o, `${o.split(" ")[0]} 企画課`, `${o.split(" ")[0]} 振興課`]);
const SELECTS: [string, string, string[]][] = [
  ["year", "評価年度", ["令和2年度（2020年度）", "令和3年度（2021年度）", "令和4年度（2022年度）", "令和5年度（2023年度）", "令和6年度（2024年度）"]],
  ["section", "施策区分", SECTIONS],
  ["division", "担当課", UNITS],
  ["status", "進捗状況", STATUSES.map(([, label]) => label)],
];
const SUMMARIES: [string, string[]][] = [
  ["施策区分別（例）", SECTIONS.filter((s) => !s.startsWith("　"))],
  ["担当部局別（例）", OWNERS.map((o) => o.split(" ")[0])],
];

const rows = Array.from({ length: ROWS }, (_, i) => ({
  no: String(i + 1),
  name: `${NAMES[i % NAMES.length]}（例${i + 1}）`,
  owner: OWNERS[i % OWNERS.length],
  latest: (1000 + i * 37).toLocaleString("en-US"),
  target: (1500 + i * 41).toLocaleString("en-US"),
  rate: `${(40 + ((i * 13) % 70)).toFixed(1)}%`,
  status: STATUSES[i % STATUSES.length],
  note: `例示${i + 1}：基準値から目標値までの進み具合を示す架空の説明文です。`,
}));

/** Only /bench-static/50, and only when the benchmark started the server (BENCH_STATIC_PAGE=1). */
export default async function BenchmarkStaticPage({ params }: { params: Promise<{ size: string }> }) {
  const { size } = await params;
  if (size !== String(ROWS) || process.env.BENCH_STATIC_PAGE !== "1") notFound();
  return (
    <>
      <h1>ベンチマーク用の静的ページ</h1>
      <p className="explanation">
        このページは性能測定（npm run bench）の上限を測るためのもので、ビルド時に一度だけ描画され、データベースに接続しません。
        表の内容は架空のものです。各ページの処理能力は、このページに対する比率で示します。
      </p>
      <form method="get" action="#" className="filters" aria-label="例示の絞り込み">
        {SELECTS.map(([name, label, options]) => (
          <div className="field" key={name}>
            <label htmlFor={`bench-${name}`}>{label}</label>
            <select id={`bench-${name}`} name={name} defaultValue="">
              <option value="">すべて</option>
              {options.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          </div>
        ))}
        <button type="submit" className="button">絞り込む</button>
      </form>
      <h2>例示の集計</h2>
      {SUMMARIES.map(([caption, groups]) => (
        <ScrollRegion label={caption} key={caption}>
          <table className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">区分</th>
                {STATUSES.map(([code, label]) => <th key={code} scope="col" className="num">{label}</th>)}
              </tr>
            </thead>
            <tbody>
              {groups.map((g, gi) => (
                <tr key={g}>
                  <th scope="row">{g}</th>
                  {STATUSES.map(([code], si) => <td key={code} className="num">{(gi * 7 + si * 3) % 11}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ))}
      <ScrollRegion label="例示の表">
        <table className="data-table">
          <caption>例示の表（{ROWS}件）</caption>
          <thead>
            <tr>
              {["No", "指標名", "担当部局・課", "最新実績", "目標値", "進捗率", "進捗状況"].map((h) => (
                <th key={h} scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.no}>
                <td className="num">{r.no}</td>
                <th scope="row"><a href={`#row-${r.no}`} id={`row-${r.no}`}>{r.name}</a></th>
                <td>{r.owner}</td>
                <td className="num">{r.latest}<span className="muted"> 件</span><br /><span className="muted">令和6年度</span></td>
                <td className="num">{r.target}</td>
                <td className="num">{r.rate}</td>
                <td><StatusBadge status={r.status[0]} label={r.status[1]} /><div className="muted">公式評価 {r.status[1]}</div><div className="muted">{r.note}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
