import type { Metadata } from "next";
import { db } from "@/lib/db";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { planPath } from "@/lib/paths";
import { listOpenDataOrganizations } from "@/lib/opendata/queries";
import { parseOrganizationSearch } from "@/lib/organizations/search";
import { OrganizationSearchForm } from "@/components/organization-search-form";
import { DEFAULT_LICENSE, PDL_URL, licenseUrl } from "@/lib/opendata/license";
import {
  apiCatalogPath,
  apiIndexPath,
  apiOpenApiPath,
  apiOrganizationJsonPath,
  apiOrganizationsPath,
  apiPlanChecksPath,
  apiPlanJsonPath,
  apiPlanNarrativesCsvPath,
  apiPlanStatusesCsvPath,
  apiPlanValuesCsvPath,
  apiPlanXlsxPath,
  apiSchemaPath,
  openDataColumnsPagePath,
  openDataPagePath,
} from "@/lib/opendata/paths";
import { getPlanFileChecks } from "@/lib/opendata/plan-checks";
import { RULES_SOURCE } from "@/lib/opendata/machine-readability/rules";
import { PUBLIC_TEXT_NOTE } from "@/lib/opendata/public-text";
import { RuleChecks } from "./rule-checks";
import { ScrollRegion } from "@/components/scroll-region";

export const metadata: Metadata = { title: "オープンデータ" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const EXAMPLE = { code: "430005", slug: "kumamoto-2020" };

export default async function OpenDataPage({ searchParams }: Props) {
  const params = await searchParams;
  const { q, page } = parseOrganizationSearch(params);
  const { total, organizations, pages } = await listOpenDataOrganizations(db(), { query: q || undefined, page });
  const href = (p: number) => `${openDataPagePath}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}#downloads`;
  // the rules checked on the downloads of the plans listed on this page (cached until published data changes)
  const checks = await Promise.all(
    organizations.flatMap((o) => o.plans.map(async (p) => ({ organization: o.name, code: o.code, slug: p.slug, plan: p.name, files: await getPlanFileChecks(o.code, p.slug) }))),
  );

  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/">ホーム</a></li>
          <li>オープンデータ</li>
        </ol>
      </nav>
      <h1>オープンデータ</h1>
      <p>
        各団体の総合戦略の KPI（重要業績評価指標）の基準値・実績値・目標値、公開済みの記述（取組状況／課題等／今後の方向性）と、計画の判定方法による進捗の判定を、
        機械判読できる CSV・Excel・JSON で提供します。どなたでも、ライセンスに従って自由に利用（商用利用を含む）できます。
      </p>
      <p>
        データポータル向けに、すべてのデータセットの目録を <a href={apiCatalogPath()}>DCAT カタログ（JSON-LD）</a> で、CSV の各列の定義を{" "}
        <a href={apiSchemaPath("values")}>値 CSV のスキーマ</a>・<a href={apiSchemaPath("narratives")}>記述 CSV のスキーマ</a>・
        <a href={apiSchemaPath("statuses")}>判定 CSV のスキーマ</a>（Frictionless Table Schema）で公開しています。
        ファイルはデジタル庁「行政データにおける機械可読性に関するルール」に沿っており、<a href="#rules">ルールごとの確認結果</a>を下に示します。
      </p>
      <p>
        含まれるのは、企画担当が承認して公開したデータだけです。下書きや提出中のシート、公開前の実績値、評価委員のコメントは含みません。
      </p>

      <h2 id="downloads">ダウンロード</h2>
      <OrganizationSearchForm action={`${openDataPagePath}#downloads`} q={q} />
      <p>{total.toLocaleString("ja-JP")}団体{pages > 1 && `（${page}／${pages}ページ）`}</p>
      <ScrollRegion label="団体・計画ごとのダウンロード">
        <table className="data-table">
          <caption>団体・計画ごとのダウンロード</caption>
          <thead>
            <tr>
              <th scope="col">団体（全国地方公共団体コード）</th>
              <th scope="col">計画（総合戦略）</th>
              <th scope="col">期間</th>
              <th scope="col">ダウンロード</th>
              <th scope="col">ライセンス</th>
            </tr>
          </thead>
          {organizations.map((o) => {
            const url = licenseUrl(o.dataLicense);
            const span = Math.max(1, o.plans.length);
            const organization = (
              <td rowSpan={span}>
                {o.name}（{o.code}）
                <div>
                  <a href={apiOrganizationJsonPath(o.code)}>
                    団体全体の JSON<span className="visually-hidden">：{o.name}</span>
                  </a>
                </div>
              </td>
            );
            const license = <td rowSpan={span}>{url ? <a href={url}>{o.dataLicense}</a> : o.dataLicense}</td>;
            return (
              <tbody key={o.code}>
                {o.plans.length === 0 && (
                  <tr>
                    {organization}
                    <td colSpan={3}>公開している計画はありません</td>
                    {license}
                  </tr>
                )}
                {o.plans.map((p, i) => (
                  <tr key={p.slug}>
                    {i === 0 && organization}
                    <th scope="row">
                      <a href={planPath(o.code, p.slug)}>{p.name}</a>
                    </th>
                    <td>
                      {fiscalYearLabel(p.startYear)}〜{fiscalYearLabel(p.endYear)}
                      <div className="muted">（{p.startYear}〜{p.endYear}）</div>
                    </td>
                    <td>
                      <a href={apiPlanValuesCsvPath(o.code, p.slug)}>
                        値 CSV<span className="visually-hidden">：{p.name}</span>
                      </a>
                      {"　"}
                      <a href={apiPlanNarrativesCsvPath(o.code, p.slug)}>
                        記述 CSV<span className="visually-hidden">：{p.name}</span>
                      </a>
                      {"　"}
                      <a href={apiPlanStatusesCsvPath(o.code, p.slug)}>
                        判定 CSV<span className="visually-hidden">：{p.name}</span>
                      </a>
                      {"　"}
                      <a href={apiPlanXlsxPath(o.code, p.slug)}>
                        Excel<span className="visually-hidden">：{p.name}</span>
                      </a>
                      {"　"}
                      <a href={apiPlanJsonPath(o.code, p.slug)}>
                        JSON<span className="visually-hidden">：{p.name}</span>
                      </a>
                    </td>
                    {i === 0 && license}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </ScrollRegion>
      {pages > 1 && (
        <nav aria-label="ページ送り">
          <p>
            {page > 1 && <a href={href(page - 1)}>前のページ</a>} {page < pages && <a href={href(page + 1)}>次のページ</a>}
          </p>
        </nav>
      )}

      <h2 id="license">ライセンス</h2>
      <p>
        特に定めのない団体のデータは <a href={PDL_URL}>{DEFAULT_LICENSE}</a> で提供します。PDL1.0
        はクリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）と互換性があります。団体が別のライセンスを定めている場合は、上の表の「ライセンス」に示します。
      </p>
      <p>
        利用するときは出典を記載してください（例：「出典：熊本県『第2期 熊本県まち・ひと・しごと創生総合戦略』ＫＰＩ分析シート（このサイトの該当ページの URL）、PDL1.0」）。
        編集・加工した場合は、その旨も記載してください。
      </p>

      <h2 id="api">API（機械からの利用）</h2>
      <p>
        URL はすべて <code>GET</code> で取得でき、認証は不要です。ほかのサイトのスクリプトからも読めます（<code>Access-Control-Allow-Origin: *</code>）。
      </p>
      <ScrollRegion label="API のエンドポイント">
        <table className="data-table">
          <caption>API のエンドポイント（例は熊本県の第2期総合戦略）</caption>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row"><code>{apiIndexPath()}</code></th>
              <td>API の目次（各 URL、OpenAPI、カタログ、スキーマ、ライセンス）。JSON</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiCatalogPath()}</code></th>
              <td>
                全団体の公開データセットの DCAT カタログ（DCAT-AP 形式の JSON-LD）。データセットごとに名称・説明・公開者（団体名と全国地方公共団体コード）・ライセンスと表示すべき出典・公開日と更新日・5 つの配布形式（JSON、値 CSV、記述 CSV、判定 CSV、Excel）とそのメディアタイプとスキーマ
              </td>
            </tr>
            <tr>
              <th scope="row"><code>{apiSchemaPath("values")}</code>、<code>{apiSchemaPath("narratives")}</code>、<code>{apiSchemaPath("statuses")}</code></th>
              <td>CSV のスキーマ（Frictionless の Tabular Data Resource）：列ごとのフィールド名・項目名・型・単位・内容、選択肢のコード表、特殊記号の定義、文字コード・BOM・改行</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiSchemaPath("dataset")}</code></th>
              <td>JSON（1 計画・1 団体）の JSON Schema</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiOpenApiPath()}</code></th>
              <td>API の OpenAPI 3.1 文書</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiOrganizationsPath()}</code></th>
              <td>団体の一覧（団体コード、名称、ライセンス、計画とそのダウンロード URL）。JSON</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiOrganizationJsonPath(EXAMPLE.code)}</code></th>
              <td>1 団体のすべての計画。JSON（下と同じ形）</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiPlanJsonPath(EXAMPLE.code, EXAMPLE.slug)}</code></th>
              <td>1 計画の指標、基準値・実績値・目標値、進捗の判定、公開済みの記述。JSON（形は README の「JSON エクスポートの形」）</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiPlanValuesCsvPath(EXAMPLE.code, EXAMPLE.slug)}</code></th>
              <td>1 計画の値。CSV（<a href={`${openDataColumnsPagePath}#values-columns`}>値 CSV の列の定義</a>）</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiPlanNarrativesCsvPath(EXAMPLE.code, EXAMPLE.slug)}</code></th>
              <td>1 計画の公開済みの記述。CSV（<a href={`${openDataColumnsPagePath}#narratives-columns`}>記述 CSV の列の定義</a>）</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiPlanStatusesCsvPath(EXAMPLE.code, EXAMPLE.slug)}</code></th>
              <td>1 計画の進捗の判定（計画の判定方法の表記）、進捗率、根拠、見込み、公式評価。CSV（<a href={`${openDataColumnsPagePath}#statuses-columns`}>判定 CSV の列の定義</a>）</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiPlanXlsxPath(EXAMPLE.code, EXAMPLE.slug)}</code></th>
              <td>1 計画の値・記述・判定。Excel（シート values・narratives・statuses は CSV と同じ列、シート fields は列の定義）</td>
            </tr>
            <tr>
              <th scope="row"><code>{apiPlanChecksPath(EXAMPLE.code, EXAMPLE.slug)}</code></th>
              <td>1 計画のダウンロードファイルについての機械可読性ルールの確認結果。JSON</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <ul>
        <li>
          応答には <code>ETag</code> と <code>Last-Modified</code>（その計画・団体の公開データが最後に変わった日時）を付けます。<code>If-None-Match</code>{" "}
          または <code>If-Modified-Since</code> を付けて要求すると、変わっていなければ本文なしの 304 を返します。
        </li>
        <li>
          ほかのサイトのスクリプトからの条件付き要求のプリフライト（<code>OPTIONS</code>）にも答えます。
        </li>
        <li>
          ライセンスは応答ヘッダーにも示します：<code>X-Data-License</code>（ライセンス名を UTF-8 でパーセントエンコードしたもの）と、既知のライセンスなら{" "}
          <code>Link: &lt;規約の URL&gt;; rel=&quot;license&quot;</code>。
        </li>
        <li>存在しない団体コードや計画を指定すると、JSON の本文（<code>{`{"error":{"status":404,"message":"…"}}`}</code>）で 404 を返します。</li>
      </ul>

      <h2 id="columns">列の定義</h2>
      <p>
        各 CSV の列（フィールド名・項目名・型・単位・内容・例）、欠損値の理由のコードと特殊記号、判定の表記は、
        <a href={openDataColumnsPagePath}>オープンデータの列の定義</a>のページにまとめています（プログラム向けには上のスキーマ）。
      </p>
      <ul>
        <li><a href={`${openDataColumnsPagePath}#values-columns`}>値 CSV（values.csv）の列</a>（<a href={`${openDataColumnsPagePath}#missing-values`}>欠損値と特殊記号</a>）</li>
        <li><a href={`${openDataColumnsPagePath}#narratives-columns`}>記述 CSV（narratives.csv）の列</a></li>
        <li><a href={`${openDataColumnsPagePath}#statuses-columns`}>判定 CSV（statuses.csv）の列</a>（<a href={`${openDataColumnsPagePath}#status-labels`}>判定方法ごとの判定の表記</a>）</li>
      </ul>

      <h2 id="format">文字コードと形式</h2>
      <ul>
        <li>文字コードは UTF-8（BOM 付き。Excel でそのまま開けます）、改行は CRLF です。</li>
        <li>1 行目は見出し（英数字のフィールド名）です。2 行目から 1 行に 1 件のデータが続きます。</li>
        <li>{PUBLIC_TEXT_NOTE}</li>
        <li>
          値にカンマ・ダブルクォート・改行が含まれるときは、値全体をダブルクォートで囲み、値の中のダブルクォートは 2 つ重ねます（RFC 4180）。
        </li>
        <li>
          空欄は「値がない」ことを表し、0 ではありません（「集計中」「－」など数値でない値は、<code>value</code> を空欄にして <code>text</code> に印字どおり入れ、理由を{" "}
          <code>valueStatus</code> に示します）。pandas では <code>pd.read_csv(url, dtype={"{"}&quot;organizationCode&quot;: str{"}"})</code>{" "}
          と読むと団体コードの先頭の 0 も保てます（空欄のある年の列は小数の型になります。整数にするには <code>dtype_backend=&quot;numpy_nullable&quot;</code>）。
        </li>
        <li>年度は西暦の数値（例：2023）で、和暦（例：令和5年度）は別の列にあります。団体は全国地方公共団体コード（6 桁）で示します。</li>
        <li>
          記述のうち「- 」で始まる行は、Excel で開くと数式と解釈されることがあります。その場合は Excel の「データ」→「テキストまたは CSV から」で読み込んでください。
        </li>
      </ul>

      <h2 id="rules">機械可読性ルールの確認結果</h2>
      <p>
        デジタル庁「行政データにおける機械可読性に関するルール」（<a href={RULES_SOURCE}>機械可読な一覧</a>）のうちプログラムで確かめられるものを、このページに一覧した計画の実際のダウンロードファイルに対して確かめた結果です（公開データが変わるたびに計算し直します）。
        Excel だけ・CSV だけのルールは、もう一方の形式では「対象外」です。
      </p>
      <RuleChecks plans={checks} />
    </>
  );
}
