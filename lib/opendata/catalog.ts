// The DCAT catalogue (DCAT-AP style, JSON-LD) of every organisation's published datasets, one dataset per
// plan, each with its five distributions (JSON, values CSV, narratives CSV, statuses CSV, the open-data workbook), their
// media types, and the schema each conforms to. Data portals harvest it. Pure: the queries pass the rows.
import { planPath } from "../paths";
import { fiscalYearLabel } from "../fiscal-year";
import type { CatalogPlanRow } from "./catalog-queries";
import { EDIT_NOTICE, attributionText, licenseUrl } from "./license";
import { apiCatalogPath, apiOrganizationJsonPath, apiPlanJsonPath, apiPlanNarrativesCsvPath, apiPlanStatusesCsvPath, apiPlanValuesCsvPath, apiPlanXlsxPath, apiSchemaPath, openDataPagePath } from "./paths";
import { XLSX_MEDIA_TYPE } from "./media-types";

export const CATALOG_CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  adms: "http://www.w3.org/ns/adms#",
  cc: "http://creativecommons.org/ns#",
  cnt: "http://www.w3.org/2011/content#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  "dct:issued": { "@type": "xsd:dateTime" },
  "dct:modified": { "@type": "xsd:dateTime" },
  "dcat:startDate": { "@type": "xsd:date" },
  "dcat:endDate": { "@type": "xsd:date" },
  "dcat:accessURL": { "@type": "@id" },
  "dcat:downloadURL": { "@type": "@id" },
  "dcat:landingPage": { "@type": "@id" },
  "dcat:mediaType": { "@type": "@id" },
  "dct:format": { "@type": "@id" },
  "dct:conformsTo": { "@type": "@id" },
  "foaf:homepage": { "@type": "@id" },
};

const IANA = "https://www.iana.org/assignments/media-types/";
const EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
const ja = (value: string) => ({ "@value": value, "@language": "ja" });

type Distribution = { title: string; description: string; path: string; mediaType: string; format: string; schema: string | null };

function distributions(code: string, slug: string): Distribution[] {
  return [
    { title: "JSON", description: "指標・基準値・実績値・目標値・進捗の判定・公開済みの記述（JSON エクスポートの形）", path: apiPlanJsonPath(code, slug), mediaType: "application/json", format: "JSON", schema: apiSchemaPath("dataset") },
    { title: "値 CSV（values.csv）", description: "基準値・実績値・目標値。1 行 1 値の縦持ち", path: apiPlanValuesCsvPath(code, slug), mediaType: "text/csv", format: "CSV", schema: apiSchemaPath("values") },
    { title: "記述 CSV（narratives.csv）", description: "公開済みの取組状況・課題等・今後の方向性。1 行 1 段落", path: apiPlanNarrativesCsvPath(code, slug), mediaType: "text/csv", format: "CSV", schema: apiSchemaPath("narratives") },
    {
      title: "判定 CSV（statuses.csv）",
      description: "計画の判定方法による KPI の進捗の判定（達成・概ね順調…、○△×、S・A・B・C など）と進捗率・根拠・公式評価。1 行 = 指標 × 評価年度 × 系列。見込み（projection）の列は推計で実績ではない",
      path: apiPlanStatusesCsvPath(code, slug),
      mediaType: "text/csv",
      format: "CSV",
      schema: apiSchemaPath("statuses"),
    },
    { title: "Excel（data.xlsx）", description: "値・記述・判定の 3 つの表を 3 つのシートに（CSV と同じ列）、列の定義のシート付き", path: apiPlanXlsxPath(code, slug), mediaType: XLSX_MEDIA_TYPE, format: "XLSX", schema: apiSchemaPath("values") },
  ];
}

const fiscalStart = (year: number) => `${year}-04-01`;
const fiscalEnd = (year: number) => `${year + 1}-03-31`;

export function buildCatalog(base: string, plans: readonly CatalogPlanRow[]) {
  const abs = (path: string) => `${base}${path}`;
  const modified = plans.reduce<Date | null>((m, p) => (m === null || p.modified > m ? p.modified : m), null);
  return {
    "@context": CATALOG_CONTEXT,
    "@id": abs(apiCatalogPath()),
    "@type": "dcat:Catalog",
    "dct:title": ja("地方創生総合戦略 KPI オープンデータ カタログ"),
    "dct:description": ja("各団体が公開した総合戦略の KPI（基準値・実績値・目標値）と記述のデータセットの一覧。1 計画が 1 データセット。"),
    "dct:publisher": { "@type": "foaf:Agent", "foaf:name": ja("地方創生総合戦略 KPI ダッシュボード"), "foaf:homepage": abs("/") },
    "foaf:homepage": abs(openDataPagePath),
    "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/JPN" },
    ...(modified ? { "dct:modified": modified.toISOString() } : {}),
    "dcat:dataset": plans.map((p) => {
      const landing = abs(planPath(p.code, p.slug));
      const license = licenseUrl(p.license);
      const licenseNode = license ? { "@id": license, "dct:title": p.license } : { "dct:title": p.license };
      return {
        "@id": landing,
        "@type": "dcat:Dataset",
        "dct:identifier": `${p.code}/${p.slug}`,
        "dct:title": ja(`${p.organizationName} ${p.name} KPI データ`),
        "dct:description": ja(
          p.description ??
            `${p.organizationName}の「${p.name}」（${fiscalYearLabel(p.startYear)}〜${fiscalYearLabel(p.endYear)}）の KPI の基準値・実績値・目標値と、公開済みの取組状況・課題等・今後の方向性。`,
        ),
        "dct:publisher": {
          "@id": abs(apiOrganizationJsonPath(p.code)),
          "@type": "foaf:Organization",
          "foaf:name": p.organizationNameEn ? [ja(p.organizationName), { "@value": p.organizationNameEn, "@language": "en" }] : ja(p.organizationName),
          "dct:identifier": p.code,
          "adms:identifier": { "@type": "adms:Identifier", "skos:notation": p.code, "dct:creator": ja("総務省 全国地方公共団体コード") },
        },
        "dct:spatial": { "dct:identifier": p.code, "foaf:name": ja(p.organizationName) },
        "dct:temporal": { "@type": "dct:PeriodOfTime", "dcat:startDate": fiscalStart(p.startYear), "dcat:endDate": fiscalEnd(p.endYear) },
        "dct:issued": p.issued.toISOString(),
        "dct:modified": p.modified.toISOString(),
        "dct:license": licenseNode,
        "cc:attributionText": ja(attributionText(p.organizationName, p.name, landing, p.license)),
        "dct:rights": ja(EDIT_NOTICE),
        "dcat:landingPage": landing,
        "dcat:keyword": [ja("KPI"), ja("地方創生"), ja("総合戦略"), ja(p.organizationName)],
        "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/JPN" },
        "dcat:distribution": distributions(p.code, p.slug).map((d) => ({
          "@id": abs(d.path),
          "@type": "dcat:Distribution",
          "dct:title": ja(d.title),
          "dct:description": ja(d.description),
          "dcat:accessURL": abs(d.path),
          "dcat:downloadURL": abs(d.path),
          "dcat:mediaType": `${IANA}${d.mediaType}`,
          "dct:format": `${EU_FILE_TYPE}${d.format}`,
          ...(d.schema ? { "dct:conformsTo": abs(d.schema) } : {}),
          ...(d.format === "CSV" ? { "cnt:characterEncoding": "UTF-8", "adms:status": ja("UTF-8、BOM 付き、CRLF") } : {}),
          "dct:license": licenseNode,
          "dct:modified": p.modified.toISOString(),
        })),
      };
    }),
  };
}
