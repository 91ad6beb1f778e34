// The real downloads of every seeded plan (values.csv, narratives.csv, statuses.csv, data.xlsx, through the same handlers the
// routes call) against the national machine-readability rules, and read by pandas with its default options;
// the DCAT catalogue, the table schemas, the API index; ETag / If-None-Match, the CORS preflight (compression is
// next start's, checked in tests/e2e/opendata-catalogue.spec.ts);
// no internal source-file names or readers' confidence notes in any public file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveCatalog, serveIndex, serveOrganizations, servePlan, serveSchema, type PlanFormat } from "../../lib/opendata/handlers";
import { preflightResponse } from "../../lib/opendata/http";
import { checkFile } from "../../lib/opendata/machine-readability/check";
import { DATA_XLSX_SPEC, NARRATIVES_CSV_SPEC, STATUSES_CSV_SPEC, VALUES_CSV_SPEC } from "../../lib/opendata/machine-readability/plan-files";
import { readCsv, readXlsx } from "../../lib/opendata/machine-readability/read";
import { readZip } from "../../lib/excel/zip";
import { exportPlanWorkbook } from "../../lib/excel/export";
import { NARRATIVE_COLUMNS, STATUS_COLUMNS, VALUE_COLUMNS } from "../../lib/opendata/columns";
import { RULE_SCALES } from "../../lib/progress/settings";
import { STATUS_LABELS } from "../../lib/progress/explain";
import { PDL_URL } from "../../lib/opendata/license";
import { datasetSchema } from "../../lib/opendata/dataset-schema";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const getDb = () => database.prisma;
const get = (headers: Record<string, string> = {}, method = "GET") => new Request("http://kpi.example.jp/api/v1/x", { headers, method });
const download = async (code: string, slug: string, format: PlanFormat, headers: Record<string, string> = {}) => servePlan(getDb, get(headers), code, slug, format);
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

let plans: { code: string; slug: string }[] = [];
beforeAll(async () => {
  plans = (await database.prisma.plan.findMany({ where: { status: { not: "preparing" } }, select: { slug: true, organization: { select: { code: true } } }, orderBy: { slug: "asc" } })).map((p) => ({ code: p.organization.code, slug: p.slug }));
});

const INTERNAL = /\d{3}_[0-9a-f]{16}\.txt|confidence|読み取りの確度/;

describe("the national machine-readability rules on the real downloads", () => {
  it("every seeded plan's values.csv, narratives.csv, statuses.csv and data.xlsx pass every rule a program can check", async () => {
    expect(plans.map((p) => p.slug)).toEqual(["kama-2020", "kama-2025", "kumamoto-2020", "kumamoto-2024"]);
    const report: string[] = [];
    for (const { code, slug } of plans) {
      for (const [format, read, spec] of [
        ["values.csv", readCsv, VALUES_CSV_SPEC],
        ["narratives.csv", readCsv, NARRATIVES_CSV_SPEC],
        ["statuses.csv", readCsv, STATUSES_CSV_SPEC],
        ["data.xlsx", readXlsx, DATA_XLSX_SPEC],
      ] as const) {
        const res = await download(code, slug, format);
        expect(res.status).toBe(200);
        const results = checkFile(read(await bytesOf(res)), spec);
        const failed = results.filter((r) => r.status === "fail");
        expect(failed, `${slug} ${format}: ${failed.map((r) => `${r.id} ${r.detail}`).join("; ")}`).toEqual([]);
        report.push(`${slug} ${format}: ${results.filter((r) => r.status === "pass").length} pass, ${results.filter((r) => r.status === "not_applicable").length} n/a`);
        // and the plan's published check says the same (the open-data page shows it)
      }
      const checks = await (await download(code, slug, "checks")).json();
      expect(checks.files.map((f: { file: string; summary: { fail: number } }) => [f.file, f.summary.fail])).toEqual([["values.csv", 0], ["narratives.csv", 0], ["statuses.csv", 0], ["data.xlsx", 0]]);
    }
    console.log(report.join("\n"));
  });

  it("the staff workbook (the sheet's layout, for Excel import) hides nothing, merges nothing and has no formula", async () => {
    for (const { code, slug } of plans) {
      const file = await exportPlanWorkbook(database.prisma, { organizationCode: code, planSlug: slug });
      if (!("buffer" in file)) throw new Error(`${slug}: no workbook`);
      const facts = readXlsx(file.buffer);
      for (const s of facts.sheets) expect([s.name, s.hiddenColumns, s.hiddenRows, s.hiddenSheet, s.mergedRanges, s.formulas]).toEqual([s.name, 0, 0, false, 0, 0]);
      for (const e of readZip(file.buffer)) expect(e.data.toString("utf8"), `${slug} ${e.name}`).not.toMatch(INTERNAL);
    }
  });
});

describe("pandas with its default options", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-pandas-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const python = process.env.PYTHON ?? "/usr/bin/python3";

  it("reads numeric columns as numbers and the years as integers", async () => {
    try {
      execFileSync(python, ["-c", "import pandas"], { stdio: "pipe" });
    } catch {
      throw new Error(`pandas is needed for this test: apt-get install -y python3-pandas (or set PYTHON to a python3 that has it)`);
    }
    const files: { path: string; columns: typeof VALUE_COLUMNS | typeof NARRATIVE_COLUMNS | typeof STATUS_COLUMNS; years: string[]; floats: string[] }[] = [];
    for (const { code, slug } of plans) {
      for (const [format, columns, years, floats] of [
        ["values.csv", VALUE_COLUMNS, ["fiscalYear"], []],
        ["narratives.csv", NARRATIVE_COLUMNS, ["evaluationYear", "itemNumber"], []],
        ["statuses.csv", STATUS_COLUMNS, ["evaluationYear"], ["rate"]],
      ] as const) {
        const path = join(dir, `${slug}-${format}`);
        writeFileSync(path, await bytesOf(await download(code, slug, format)));
        files.push({ path, columns, years: [...years], floats: [...floats] });
      }
    }
    const script = [
      "import json, sys, pandas as pd",
      "out = {}",
      "for path in sys.argv[1:]:",
      "    d = pd.read_csv(path)",
      "    out[path] = {'rows': len(d), 'dtypes': {c: str(t) for c, t in d.dtypes.items()}, 'filled': {c: int(d[c].notna().sum()) for c in d.columns}}",
      "print(json.dumps(out))",
    ].join("\n");
    const result = JSON.parse(execFileSync(python, ["-c", script, ...files.map((f) => f.path)], { encoding: "utf8" })) as Record<string, { rows: number; dtypes: Record<string, string>; filled: Record<string, number> }>;
    let checked = 0;
    for (const f of files) {
      const r = result[f.path];
      if (r.rows === 0) continue; // a plan with no published data yet: headers only
      expect(Object.keys(r.dtypes)).toEqual(f.columns.map((c) => c.key));
      for (const c of f.columns) {
        if ((c.type === "number" || c.type === "integer") && r.filled[c.key] > 0) {
          expect(r.dtypes[c.key], `${f.path} ${c.key}`).toMatch(/^(int64|float64)$/);
          checked++;
        }
      }
      for (const y of f.years) expect(r.dtypes[y], `${f.path} ${y}`).toBe("int64");
      for (const x of f.floats) {
        expect(r.filled[x], `${f.path} ${x}`).toBeGreaterThan(0);
        expect(r.dtypes[x], `${f.path} ${x}`).toBe("float64");
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("the catalogue, the schemas and the index", () => {
  it("GET /api/v1 is the index, with the OpenAPI and catalogue links and the licence", async () => {
    const res = await serveIndex(get());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.links).toMatchObject({ openapi: "/api/v1/openapi.json", catalog: "/api/v1/catalog.jsonld", organizations: "/api/v1/organizations" });
    expect(body.license.url).toBe(PDL_URL);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(res.headers.get("last-modified")).toBeTruthy();
  });

  it("catalog.jsonld describes every plan as a DCAT dataset with its publisher, licence, dates and five distributions", async () => {
    const res = await serveCatalog(getDb, get());
    expect(res.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    const catalog = await res.json();
    expect(catalog["@type"]).toBe("dcat:Catalog");
    expect(catalog["@context"].dcat).toBe("http://www.w3.org/ns/dcat#");
    const datasets = catalog["dcat:dataset"] as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(datasets.map((d) => d["dct:identifier"]).sort()).toEqual(plans.map((p) => `${p.code}/${p.slug}`).sort());
    const k = datasets.find((d) => d["dct:identifier"] === "430005/kumamoto-2020")!;
    expect(k["@id"]).toBe("http://kpi.example.jp/orgs/430005/plans/kumamoto-2020");
    expect(k["dct:publisher"]).toMatchObject({ "@type": "foaf:Organization", "dct:identifier": "430005" });
    expect(k["dct:license"]["@id"]).toBe(PDL_URL);
    expect(k["cc:attributionText"]["@value"]).toBe("出典：熊本県『第2期 熊本県まち・ひと・しごと創生総合戦略』ＫＰＩ分析シート（http://kpi.example.jp/orgs/430005/plans/kumamoto-2020）、公共データ利用規約 第1.0版 (PDL1.0)");
    expect(k["dct:temporal"]).toMatchObject({ "dcat:startDate": "2020-04-01", "dcat:endDate": "2024-03-31" });
    expect(Date.parse(k["dct:issued"])).toBeGreaterThan(0);
    expect(Date.parse(k["dct:modified"])).toBeGreaterThanOrEqual(Date.parse(k["dct:issued"]) - 1000);
    const distributions = k["dcat:distribution"] as Record<string, string>[];
    expect(distributions.map((d) => [d["dcat:downloadURL"].replace("http://kpi.example.jp", ""), d["dcat:mediaType"].replace("https://www.iana.org/assignments/media-types/", ""), d["dct:conformsTo"].replace("http://kpi.example.jp", "")])).toEqual([
      ["/api/v1/organizations/430005/plans/kumamoto-2020", "application/json", "/api/v1/schemas/dataset.json"],
      ["/api/v1/organizations/430005/plans/kumamoto-2020/values.csv", "text/csv", "/api/v1/schemas/values.json"],
      ["/api/v1/organizations/430005/plans/kumamoto-2020/narratives.csv", "text/csv", "/api/v1/schemas/narratives.json"],
      ["/api/v1/organizations/430005/plans/kumamoto-2020/statuses.csv", "text/csv", "/api/v1/schemas/statuses.json"],
      ["/api/v1/organizations/430005/plans/kumamoto-2020/data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "/api/v1/schemas/values.json"],
    ]);
    // every distribution is really there, with the media type the catalogue states
    for (const d of distributions) {
      const path = new URL(d["dcat:downloadURL"]).pathname.split("/");
      const format = (path.at(-1) === "kumamoto-2020" ? "json" : path.at(-1)) as PlanFormat;
      const r = await download("430005", "kumamoto-2020", format);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")!.split(";")[0]).toBe(d["dcat:mediaType"].replace("https://www.iana.org/assignments/media-types/", ""));
    }
  });

  it("each CSV's schema names every column with its ASCII name, Japanese title, type, unit and meaning, and declares UTF-8 with a BOM", async () => {
    for (const [name, columns] of [["values.json", VALUE_COLUMNS], ["narratives.json", NARRATIVE_COLUMNS], ["statuses.json", STATUS_COLUMNS]] as const) {
      const schema = await (await serveSchema(get(), name)).json();
      expect(schema).toMatchObject({ profile: "tabular-data-resource", encoding: "utf-8", bom: true, dialect: { delimiter: ",", lineTerminator: "\r\n", header: true } });
      expect(schema.schema.fields.map((f: { name: string }) => f.name)).toEqual(columns.map((c) => c.key));
      for (const f of schema.schema.fields) {
        expect(f.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect(f.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(["string", "integer", "number", "date"]).toContain(f.type);
        expect(f.description).toBeTruthy();
        if (f.type === "number" || f.type === "integer") expect(f.unit, f.name).toBeTruthy();
      }
    }
    const values = await (await serveSchema(get(), "values.json")).json();
    expect(values.specialMarks.length).toBeGreaterThan(3);
    expect(values.schema.fields.find((f: { name: string }) => f.name === "valueStatus").constraints.enum).toEqual(["number", "not_applicable", "pending", "discontinued", "text"]);
    expect((await serveSchema(get(), "nothing.json")).status).toBe(404);
  });

  it("every plan's JSON conforms to the published JSON Schema of the JSON distribution", async () => {
    const res = await serveSchema(get(), "dataset.json");
    expect(res.headers.get("content-type")).toBe("application/schema+json; charset=utf-8");
    const schema = await res.json();
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties.organizations.type).toBe("array");
    for (const { code, slug } of plans) {
      const parsed = datasetSchema.safeParse(await (await download(code, slug, "json")).json());
      expect(parsed.success, `${slug}: ${parsed.error?.message}`).toBe(true);
    }
    // and it is not a schema that accepts anything
    expect(datasetSchema.safeParse({ format: "kpi-dashboard/dataset", version: 1, organizations: [{ code: "43000", name: "x" }] }).success).toBe(false);
  });
});

describe("statuses.csv", () => {
  it("holds every status of the JSON, one row per evaluation year × series, each on its plan's own scale", async () => {
    const statuses = await (await serveSchema(get(), "statuses.json")).json();
    expect(statuses.schema.primaryKey).toEqual(["organizationCode", "planSlug", "measureNumber", "evaluationYear", "seriesLabel"]);
    for (const { code, slug } of plans) {
      const json = await (await download(code, slug, "json")).json();
      const plan = json.organizations[0].plans[0];
      const rows = csvObjects(await bytesOf(await download(code, slug, "statuses.csv")));
      type S = { evaluationYear: number; statusLabel: string; series: { label: string; statusLabel: string; rate: number | null }[] };
      const expected = (plan.measures as { number: string; statuses: S[] }[]).flatMap((m) => m.statuses.flatMap((s) => s.series.map((x) => [m.number, String(s.evaluationYear), x.label, x.statusLabel, x.rate === null ? "" : x.rate.toFixed(1)])));
      expect(rows.map((r) => [r.measureNumber, r.evaluationYear, r.seriesLabel, r.statusLabel, r.rate]), slug).toEqual(expected);
      const scale = new Set([...RULE_SCALES[plan.progressRule as keyof typeof RULE_SCALES].map((s) => STATUS_LABELS[s]), "判定不能"]);
      for (const r of rows) {
        expect(r.progressRule).toBe(plan.progressRule);
        expect(scale.has(r.statusLabel), `${slug} ${r.measureNumber} ${r.evaluationYear} ${r.statusLabel}`).toBe(true);
      }
      // the primary key is unique
      expect(new Set(rows.map((r) => [r.measureNumber, r.evaluationYear, r.seriesLabel].join("|"))).size).toBe(rows.length);
    }
  });

  it("熊本県 No 5 累計 reads on course in R2, 達成 in R5, with rates and the expected value a reader can recompute", async () => {
    const rows = csvObjects(await bytesOf(await download("430005", "kumamoto-2020", "statuses.csv"))).filter((r) => r.measureNumber === "5" && r.seriesLabel === "累計");
    const r2 = rows.find((r) => r.evaluationYear === "2020")!;
    expect(r2.statusLabel).not.toBe("悪化");
    expect(Number(r2.expectedValue)).toBeGreaterThan(0);
    expect(r2.explanation).toContain("見込み値");
    const r5 = rows.find((r) => r.evaluationYear === "2023")!;
    expect(r5.statusLabel).toBe("達成");
    expect(Number(r5.rate)).toBeGreaterThanOrEqual(100);
    // a projection is never in a value column: values.csv has no 見込み rows
    expect(new TextDecoder().decode(await bytesOf(await download("430005", "kumamoto-2020", "values.csv")))).not.toContain("の見込み（目標");
  });
});

/** a CSV download as objects by header (quotes, CRLF; for the files this app writes) */
function csvObjects(bytes: Uint8Array): Record<string, string>[] {
  const sheet = readCsv(bytes).sheets[0];
  const cells = sheet.rows.map((r) => r.map((c) => (c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : "")));
  const [header, ...rows] = cells;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

describe("dates, units and what stays internal", () => {
  it("Kama's as-of date and periods get ISO 8601 columns beside the era text", async () => {
    const text = new TextDecoder().decode(await bytesOf(await download("402273", "kama-2025", "values.csv")));
    expect(text).toContain("令和8年1月末時点,2026-01-31");
    const kama2020 = new TextDecoder().decode(await bytesOf(await download("402273", "kama-2020", "values.csv")));
    expect(kama2020).toMatch(/平成27年⇒令和2年,2015,2020/);
  });

  it("no public file names an internal source file or a reader's confidence note", async () => {
    for (const { code, slug } of plans) {
      for (const format of ["json", "values.csv", "narratives.csv", "statuses.csv"] as const) expect(await (await download(code, slug, format)).text(), `${slug} ${format}`).not.toMatch(INTERNAL);
      for (const e of readZip(await bytesOf(await download(code, slug, "data.xlsx")))) expect(e.data.toString("utf8")).not.toMatch(INTERNAL);
    }
  });
});

describe("HTTP", () => {
  it("every response has an ETag and Last-Modified; If-None-Match answers 304 without a body", async () => {
    for (const format of ["json", "values.csv", "narratives.csv", "statuses.csv", "data.xlsx"] as const) {
      const res = await download("430005", "kumamoto-2020", format);
      const etag = res.headers.get("etag")!;
      expect(etag).toMatch(/^W\/".+"$/);
      expect(res.headers.get("last-modified")).toBeTruthy();
      const again = await download("430005", "kumamoto-2020", format, { "If-None-Match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("x-data-license")).toBeTruthy();
      // If-None-Match decides over If-Modified-Since (RFC 9110): another tag gets the body
      expect((await download("430005", "kumamoto-2020", format, { "If-None-Match": '"other"', "If-Modified-Since": res.headers.get("last-modified")! })).status).toBe(200);
    }
    for (const res of [await serveCatalog(getDb, get()), await serveOrganizations(getDb, get()), await serveSchema(get(), "values.json")]) {
      const etag = res.headers.get("etag")!;
      expect(etag).toBeTruthy();
      expect(res.headers.get("last-modified")).toBeTruthy();
      expect(res.headers.get("link")).toContain(PDL_URL);
    }
    expect((await serveCatalog(getDb, get({ "If-None-Match": (await serveCatalog(getDb, get())).headers.get("etag")! }))).status).toBe(304);
  });

  it("answers the CORS preflight of a conditional request from any origin", () => {
    const res = preflightResponse();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/If-Modified-Since/);
  });
});
