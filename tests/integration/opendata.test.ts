// The open-data API against a real seeded database: the handlers the route files call, with Request objects.
// The CSVs parse back to the values of exportDataset; drafts, draft values and committee comments never leak;
// Last-Modified / If-Modified-Since; the licence; JSON 404s.
import { neutraliseFormula } from "../../lib/opendata/csv";
import { describe, expect, it, vi } from "vitest";
import { exportDataset, type DatasetExport } from "../../lib/export/dataset";
import { serveOrganization, serveOrganizations, servePlan, type PlanFormat } from "../../lib/opendata/handlers";
import { NARRATIVE_COLUMNS, VALUE_COLUMNS, VALUE_KIND_LABELS } from "../../lib/opendata/columns";
import { DEFAULT_LICENSE, PDL_URL, CC_BY_4_URL } from "../../lib/opendata/license";
import { narrativeLines } from "../../lib/opendata/narratives-csv";
import { useTestDatabase } from "../helpers/database-per-file";
import { fiscalYearLabel } from "../../lib/fiscal-year";
import { publicText } from "../../lib/opendata/public-text";

const database = useTestDatabase("seeded");
const getDb = () => database.prisma;
const CODE = "430005";
const SLUG = "kumamoto-2020";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/api/v1/x", { headers });
const plan = (format: PlanFormat, headers: Record<string, string> = {}, code = CODE, slug = SLUG) => servePlan(getDb, request(headers), code, slug, format);

/** RFC 4180 reader: quoted fields (with commas, doubled quotes, line breaks), records ended by CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") throw new Error(`bare line break outside quotes at ${i}`);
    else field += c;
  }
  if (field !== "" || row.length) throw new Error("the last record does not end with CRLF");
  return rows;
}

/** The CSV as objects keyed by header, after checking the BOM and the header row. */
async function csvRecords(response: Response, columns: readonly { key: string; title: string }[]) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes));
  // the header holds the ASCII field names; the records are keyed here by the schema's Japanese titles
  expect(header).toEqual(columns.map((c) => c.key));
  for (const r of rows) expect(r).toHaveLength(header.length);
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.title, r[i]])));
}

const num = (s: string) => (s === "" ? null : Number(s));
const str = (s: string) => (s === "" ? null : s);

/** Every value of a plan in the export, keyed the way a CSV row identifies it. */
function exportedValues(data: DatasetExport) {
  const out = new Map<string, { value: number | null; text: string | null; unit: string | null; yearLabel: string | null }>();
  for (const o of data.organizations)
    for (const p of o.plans)
      for (const m of p.measures)
        for (const s of m.series) {
          const put = (kind: string, year: number | null, yearLabel: string | null, value: number | null, text: string | null) => {
            const key = [o.code, p.slug, m.number, s.label, kind, year ?? ""].join("|");
            expect(out.has(key), key).toBe(false);
            out.set(key, { value, text, unit: s.unit, yearLabel });
          };
          if (s.baseline) put(VALUE_KIND_LABELS.baseline, s.baseline.fiscalYear, s.baseline.fiscalYearLabel, s.baseline.value, s.baseline.text);
          for (const a of s.actuals) put(VALUE_KIND_LABELS.actual, a.fiscalYear, a.fiscalYearLabel, a.value, a.text);
          if (s.target) put(VALUE_KIND_LABELS.target, s.target.fiscalYear, s.target.fiscalYearLabel, s.target.value, s.target.text);
          for (const a of s.targetPath) put(VALUE_KIND_LABELS.targetPath, a.fiscalYear, a.fiscalYearLabel, a.value, a.text);
          for (const a of s.estimates) put(VALUE_KIND_LABELS.estimate, a.fiscalYear, a.fiscalYearLabel, a.value, a.text);
          // the comparison stands at the year of the latest actual
          const latestActual = Math.max(...s.actuals.map((a) => a.fiscalYear));
          if (s.comparison) put(VALUE_KIND_LABELS.comparison, latestActual, fiscalYearLabel(latestActual), s.comparison.value, s.comparison.text);
        }
  return out;
}

describe("the organisation list", () => {
  it("lists every organisation with its licence and its plans' links", async () => {
    const res = await serveOrganizations(getDb, request());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await res.json();
    const kumamoto = body.organizations.find((o: { code: string }) => o.code === CODE);
    expect(kumamoto).toMatchObject({ name: "熊本県", license: DEFAULT_LICENSE, licenseUrl: PDL_URL, links: { json: "/api/v1/organizations/430005.json" } });
    expect(kumamoto.plans.map((p: { slug: string }) => p.slug)).toEqual(["kumamoto-2020", "kumamoto-2024"]);
    expect(kumamoto.plans[0]).toMatchObject({
      start: { fiscalYear: 2020, fiscalYearLabel: "令和2年度" },
      links: {
        json: "/api/v1/organizations/430005/plans/kumamoto-2020",
        valuesCsv: "/api/v1/organizations/430005/plans/kumamoto-2020/values.csv",
        narrativesCsv: "/api/v1/organizations/430005/plans/kumamoto-2020/narratives.csv",
        statusesCsv: "/api/v1/organizations/430005/plans/kumamoto-2020/statuses.csv",
        page: "/orgs/430005/plans/kumamoto-2020",
      },
    });
    const kama = body.organizations.find((o: { code: string }) => o.code === "402273");
    expect(kama.plans.map((p: { slug: string }) => p.slug)).toEqual(["kama-2020", "kama-2025"]);
  });
});

describe("one plan", () => {
  it("is served as JSON in the export shape, with the licence and Last-Modified", async () => {
    const res = await plan("json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(await exportDataset(database.prisma, { organizationCode: CODE, planSlug: SLUG }))));
    expect(decodeURIComponent(res.headers.get("x-data-license")!)).toBe(DEFAULT_LICENSE);
    expect(res.headers.get("link")).toContain(`<${PDL_URL}>; rel="license"`);
    expect(Date.parse(res.headers.get("last-modified")!)).toBeGreaterThan(0);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    // 「kumamoto-2020.json」 is the same plan
    expect((await plan("json", {}, CODE, `${SLUG}.json`)).status).toBe(200);
  });

  it("values.csv parses back to every value of the export, number, unit, text and year", async () => {
    const res = await plan("values.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="430005_kumamoto-2020_values.csv"');
    expect(decodeURIComponent(res.headers.get("x-data-license")!)).toBe(DEFAULT_LICENSE);
    const records = await csvRecords(res, VALUE_COLUMNS);
    const expected = exportedValues(await exportDataset(database.prisma, { organizationCode: CODE, planSlug: SLUG }));
    expect(records.length).toBe(expected.size);
    expect(records.length).toBeGreaterThan(57 * 3);
    const actual = new Map(
      records.map((r) => [
        [r["全国地方公共団体コード"], r["計画ID"], r["指標番号"], r["系列"], r["値の区分"], r["年度（西暦）"]].join("|"),
        { value: num(r["数値"]), text: str(r["表示値"]), unit: str(r["単位"]), yearLabel: str(r["年度（和暦）"]) },
      ]),
    );
    expect(actual).toEqual(expected);
    // the seed's facts, as a reader of the CSV sees them
    const no6 = records.find((r) => r["指標番号"] === "6" && r["値の区分"] === "実績値" && r["年度（西暦）"] === "2023")!;
    expect(no6).toMatchObject({ 数値: "1759", 単位: "人", 表示値: "1,759", "年度（和暦）": "令和5年度", 指標名: "県が育成した防災士の資格取得者数" });
    const tallying = records.filter((r) => r["表示値"] === "集計中");
    expect(tallying.length).toBeGreaterThan(0);
    for (const r of tallying) expect(r["数値"]).toBe(""); // an empty cell, not 0
  });

  it("narratives.csv gives back each published narrative, one row per line", async () => {
    const records = await csvRecords(await plan("narratives.csv"), NARRATIVE_COLUMNS);
    const data = await exportDataset(database.prisma, { organizationCode: CODE, planSlug: SLUG });
    const sections = { effortStatus: "取組状況", issues: "課題等", direction: "今後の方向性" } as const;
    const expected: string[] = [];
    for (const m of data.organizations[0].plans[0].measures)
      for (const s of m.sheets)
        for (const [key, label] of Object.entries(sections))
          narrativeLines(s[key as keyof typeof sections]).forEach((line, i) => expected.push([m.number, s.evaluationYear, label, i + 1, neutraliseFormula(publicText(line)!)].join("|")));
    expect(records.map((r) => [r["指標番号"], r["評価年度（西暦）"], r["記述の区分"], r["項目番号"], r["記述"]].join("|"))).toEqual(expected);
    expect(records.length).toBeGreaterThan(100);
    // and the lines, joined again, are the published text without its blank lines
    const no6 = data.organizations[0].plans[0].measures.find((m) => m.number === "6")!.sheets[0];
    const rows6 = records.filter((r) => r["指標番号"] === "6" && r["記述の区分"] === "取組状況");
    // (a line a spreadsheet would run as a formula, such as 「- 項目」, carries a leading apostrophe: strip it to read)
    expect(rows6.map((r) => r["記述"].replace(/^'(?=[=+\-@\t\r])/, "")).join("\n")).toBe(narrativeLines(no6.effortStatus).map((l) => publicText(l)).join("\n"));
    for (const r of records) expect(r["記述"]).not.toMatch(/[\r\n]/);
  });

  it("answers 304 to If-Modified-Since at or after Last-Modified, and 200 before it", async () => {
    const lastModified = (await plan("values.csv")).headers.get("last-modified")!;
    for (const format of ["json", "values.csv", "narratives.csv"] as const) {
      const res = await plan(format, { "If-Modified-Since": lastModified });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("last-modified")).toBe(lastModified);
      expect(res.headers.get("x-data-license")).not.toBeNull();
    }
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await plan("json", { "If-Modified-Since": earlier })).status).toBe(200);
    expect((await plan("json", { "If-Modified-Since": "yesterday" })).status).toBe(200);
  });
});

describe("the whole organisation", () => {
  it("is served as JSON at /organizations/430005.json with every plan", async () => {
    const res = await serveOrganization(getDb, request(), "430005.json");
    expect(res.status).toBe(200);
    const body = (await res.json()) as DatasetExport;
    expect(body.organizations.map((o) => o.code)).toEqual([CODE]);
    expect(body.organizations[0].plans.map((p) => p.slug)).toEqual(["kumamoto-2020", "kumamoto-2024"]);
    expect(res.headers.get("last-modified")).not.toBeNull();
  });
});

describe("unknown addresses", () => {
  it.each([
    ["an unknown organisation code", () => plan("json", {}, "999999"), "団体"],
    ["a malformed code", () => plan("values.csv", {}, "../etc"), "団体"],
    ["an unknown plan", () => plan("values.csv", {}, CODE, "no-such-plan"), "計画"],
    ["another organisation's plan", () => plan("json", {}, CODE, "kama-2020"), "計画"],
    ["a malformed slug", () => plan("narratives.csv", {}, CODE, "<script>"), "計画"],
    ["an unknown organisation", () => serveOrganization(getDb, request(), "123456.json"), "団体"],
  ])("%s is a JSON 404 without internals", async (_name, call, word) => {
    const res = await call();
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body).toEqual({ error: { status: 404, message: expect.stringContaining(word) } });
    expect(text).not.toMatch(/\bat |Error|[Pp]risma|stack/);
  });

  it("a database failure is a generic JSON 500", async () => {
    const broken = () => {
      throw new Error("connect ECONNREFUSED 10.0.0.1:5432 password=secret");
    };
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await servePlan(broken, request(), CODE, SLUG, "json");
    expect(log).toHaveBeenCalledOnce(); // the cause goes to the server log, not to the client
    log.mockRestore();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.status).toBe(500);
    expect(text).not.toContain("ECONNREFUSED");
    expect(text).not.toContain("secret");
  });
});

describe("drafts and committee comments", () => {
  it("never appear: a draft's narratives and values, a submitted sheet, comments published or not", async () => {
    const prisma = database.prisma;
    const before = (await plan("json")).headers.get("last-modified")!;
    const measure = (no: string) => prisma.measure.findFirstOrThrow({ where: { number: no, plan: { slug: SLUG } }, include: { series: true } });
    const [no6, no9, no15] = [await measure("6"), await measure("9"), await measure("15")];
    const user = await prisma.user.create({ data: { email: "opendata-test@example.jp", name: "評価 委員" } });

    // a new draft for 2024 with a draft value
    await prisma.sheetEntry.create({
      data: {
        measureId: no6.id, evaluationYear: 2024, state: "draft",
        effortStatus: "下書きの取組状況DRAFTSECRET1", issues: "下書きの課題DRAFTSECRET2", direction: "下書きの方向性DRAFTSECRET3",
        draftValues: { create: { seriesId: no6.series[0].id, fiscalYear: 2024, value: 424242, text: "424,242" } },
      },
    });
    // a published sheet edited again: the draft text and value are hidden, the published text stays
    const published9 = await prisma.sheetEntry.findUniqueOrThrow({ where: { measureId_evaluationYear: { measureId: no9.id, evaluationYear: 2023 } } });
    expect(published9.publishedEffortStatus).toBeTruthy();
    await prisma.sheetEntry.update({
      where: { id: published9.id },
      data: {
        state: "draft", publishedAt: new Date("2024-06-01T00:00:00Z"),
        effortStatus: "再編集中DRAFTSECRET4", issues: null, direction: null,
        draftValues: { create: { seriesId: no9.series[0].id, fiscalYear: 2023, value: 515151, text: "515,151" } },
      },
    });
    // a submitted (not yet approved) sheet
    await prisma.sheetEntry.create({
      data: {
        measureId: no15.id, evaluationYear: 2024, state: "submitted", submittedAt: new Date(), effortStatus: "提出済みDRAFTSECRET5",
        draftValues: { create: { seriesId: no15.series[0].id, fiscalYear: 2024, value: 616161, text: "616,161" } },
      },
    });
    // committee comments, unpublished and published: not part of the open data at all
    const comment = await prisma.committeeComment.create({ data: { measureId: no6.id, evaluationYear: 2023, authorId: user.id, body: "委員のコメントCOMMENTSECRET1" } });
    await prisma.committeeComment.create({ data: { measureId: no6.id, evaluationYear: 2023, authorId: user.id, body: "公開コメントCOMMENTSECRET2", published: true, parentId: comment.id } });

    const bodies = await Promise.all([
      plan("json").then((r) => r.text()),
      plan("values.csv").then((r) => r.text()),
      plan("narratives.csv").then((r) => r.text()),
      serveOrganization(getDb, request(), CODE).then((r) => r.text()),
      serveOrganizations(getDb, request()).then((r) => r.text()),
    ]);
    for (const body of bodies) {
      expect(body).not.toMatch(/DRAFTSECRET|COMMENTSECRET/);
      expect(body).not.toMatch(/424242|424,242|515151|515,151|616161|616,161/);
      expect(body).not.toContain("評価 委員");
    }
    // the published narrative of No 9 is still served while its next version is drafted
    const json = JSON.parse(bodies[0]) as DatasetExport;
    const sheets9 = json.organizations[0].plans[0].measures.find((m) => m.number === "9")!.sheets;
    expect(sheets9.find((s) => s.evaluationYear === 2023)?.effortStatus).toBe(published9.publishedEffortStatus);
    expect(bodies[2]).toContain(narrativeLines(published9.publishedEffortStatus)[0]);
    // No 6 has no 2024 sheet in public
    expect(json.organizations[0].plans[0].measures.find((m) => m.number === "6")!.sheets.map((s) => s.evaluationYear)).toEqual([2023]);
    // and working on drafts does not make the published data look newer
    const after = (await plan("json")).headers.get("last-modified")!;
    expect(Date.parse(after)).toBeLessThanOrEqual(Date.parse(before));
  });
});

describe("changes", () => {
  it("a published value moves Last-Modified, so a client's old copy is refreshed", async () => {
    const before = (await plan("values.csv")).headers.get("last-modified")!;
    await new Promise((r) => setTimeout(r, 1100)); // HTTP dates have whole seconds
    const cell = await database.prisma.seriesValue.findFirstOrThrow({ where: { kind: "actual", fiscalYear: 2023, series: { measure: { number: "6", plan: { slug: SLUG } } } } });
    await database.prisma.seriesValue.update({ where: { id: cell.id }, data: { value: 1760, text: "1,760" } });
    const res = await plan("values.csv", { "If-Modified-Since": before });
    expect(res.status).toBe(200);
    expect(Date.parse(res.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(before));
    expect(await res.text()).toContain('1760,人,number,"1,760"');
    // the other organisation's plans did not change
    const kama = await servePlan(getDb, request(), "402273", "kama-2020", "json");
    expect(Date.parse(kama.headers.get("last-modified")!)).toBeLessThan(Date.parse(res.headers.get("last-modified")!));
  });

  it("an organisation's own licence replaces the default in headers and JSON", async () => {
    const license = "CC BY 4.0（クリエイティブ・コモンズ 表示 4.0 国際）";
    await database.prisma.organization.update({ where: { code: "402273" }, data: { dataLicense: license } });
    const res = await servePlan(getDb, request(), "402273", "kama-2020", "values.csv");
    expect(decodeURIComponent(res.headers.get("x-data-license")!)).toBe(license);
    expect(res.headers.get("link")).toContain(`<${CC_BY_4_URL}>; rel="license"`);
    const json = (await (await servePlan(getDb, request(), "402273", "kama-2020", "json")).json()) as DatasetExport;
    expect(json.organizations[0].license).toBe(license);
    const list = await (await serveOrganizations(getDb, request())).json();
    expect(list.organizations.find((o: { code: string }) => o.code === "402273")).toMatchObject({ license, licenseUrl: CC_BY_4_URL });
    // Kumamoto keeps the default
    expect(decodeURIComponent((await plan("json")).headers.get("x-data-license")!)).toBe(DEFAULT_LICENSE);
  });
});
