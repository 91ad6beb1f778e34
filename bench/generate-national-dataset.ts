// A SYNTHETIC dataset the size of a national installation (1,741 organisations × 50 KPIs × 5 years), for the
// benchmark only (npm run bench). Every organisation is named 「合成データ団体NNNN」 with a code 9NNNNN (no
// real 全国地方公共団体コード starts with 9), every plan 「（合成データ）…」. It is written straight into an EMPTY
// database with multi-row INSERT … SELECT FROM unnest(…) and is never mixed with the real seed (seeds/).
//   tsx bench/generate-national-dataset.ts postgresql://…/empty_database
import { pathToFileURL } from "node:url";
import pg from "pg";
import { poolConfigFromUrl } from "../lib/database-url";
import { unitKind } from "../lib/org-units/unit-kind";
import { DEPARTMENTS, DIRECTION_SENTENCES, EFFORT_SENTENCES, GOALS, ISSUE_SENTENCES, KPI_TEMPLATES } from "./synthetic-vocabulary";

export const SYNTHETIC = { organizations: 1741, prefectures: 47, measuresPerPlan: 50, planSlug: "synthetic-2020", startYear: 2020, endYear: 2024, evaluationYear: 2024 };
export const syntheticCode = (i: number) => `9${String(i).padStart(5, "0")}`;
export const syntheticDepartmentId = (i: number, d: number) => `syn-o${i}-d${d}`;
const SOURCE_ID = "syn-source";
const CHUNK = 100; // organisations per transaction

type Row = unknown[];
type Spec = { table: string; cols: [string, string][]; consts?: Record<string, string> };
const now = "now()";
const SPECS = {
  org: { table: "Organization", cols: [["id", "text"], ["code", "text"], ["name", "text"], ["nameEn", "text"], ["kind", '"OrganizationKind"'], ["prefectureCode", "text"]], consts: { createdAt: now, updatedAt: now } },
  unit: { table: "OrgUnit", cols: [["id", "text"], ["organizationId", "text"], ["parentId", "text"], ["name", "text"], ["kind", "text"], ["path", "text"], ["sortOrder", "int4"]] },
  plan: { table: "Plan", cols: [["id", "text"], ["organizationId", "text"], ["slug", "text"], ["name", "text"], ["startYear", "int4"], ["endYear", "int4"]], consts: { progressRule: "'default'", createdAt: now, updatedAt: now } },
  planSource: { table: "PlanSource", cols: [["planId", "text"], ["sourceDocumentId", "text"], ["title", "text"]] },
  section: { table: "PlanSection", cols: [["id", "text"], ["planId", "text"], ["parentId", "text"], ["key", "text"], ["label", "text"], ["title", "text"], ["kind", '"SectionKind"'], ["sortOrder", "int4"]] },
  evalYear: { table: "EvaluationYear", cols: [["id", "text"], ["planId", "text"], ["fiscalYear", "int4"], ["status", '"EvaluationYearStatus"']], consts: { createdAt: now, updatedAt: now } },
  measure: {
    table: "Measure",
    cols: [["id", "text"], ["planId", "text"], ["sectionId", "text"], ["number", "text"], ["sortOrder", "int4"], ["name", "text"], ["footnote", "text"], ["sourceDocumentId", "text"], ["sourceLineStart", "int4"], ["sourceLineEnd", "int4"]],
    consts: { kind: "'kpi'", notes: "'{}'::text[]", confidence: "'high'", createdAt: now, updatedAt: now },
  },
  owner: { table: "MeasureOwner", cols: [["measureId", "text"], ["unitId", "text"], ["sortOrder", "int4"]] },
  series: {
    table: "ValueSeries",
    cols: [["id", "text"], ["measureId", "text"], ["sortOrder", "int4"], ["label", "text"], ["unit", "text"], ["baselineYear", "int4"], ["baselineYearLabel", "text"], ["baselineValue", "numeric"], ["baselineText", "text"], ["targetKind", '"TargetKind"'], ["targetDirection", '"Direction"'], ["targetYear", "int4"], ["targetValue", "numeric"], ["targetText", "text"], ["targetPeriodStart", "int4"], ["targetPeriodEnd", "int4"]],
    consts: { chartLabels: "'{}'::text[]" },
  },
  value: { table: "SeriesValue", cols: [["id", "text"], ["seriesId", "text"], ["fiscalYear", "int4"], ["value", "numeric"], ["text", "text"]], consts: { kind: "'actual'", updatedAt: now } },
  rating: { table: "OfficialRating", cols: [["id", "text"], ["measureId", "text"], ["evaluationYear", "int4"], ["rating", "text"]], consts: { source: "'printed'" } },
  entry: {
    table: "SheetEntry",
    cols: [["id", "text"], ["measureId", "text"], ["evaluationYear", "int4"], ["effortStatus", "text"], ["issues", "text"], ["direction", "text"], ["sourceDocumentId", "text"], ["sourceLineStart", "int4"], ["sourceLineEnd", "int4"]],
    // published: the public reads the published copies, which equal the drafts here
    consts: { state: "'published'", publishedEffortStatus: 'u."effortStatus"', publishedIssues: 'u."issues"', publishedDirection: 'u."direction"', publishedAt: now, createdAt: now, updatedAt: now },
  },
} satisfies Record<string, Spec>;
type Rows = { [K in keyof typeof SPECS]: Row[] };

/** One multi-row INSERT: a typed array per column, unnested into rows server-side. */
async function insert(client: pg.ClientBase, spec: Spec, rows: Row[]) {
  if (rows.length === 0) return;
  const q = (n: string) => `"${n}"`;
  const consts = Object.entries(spec.consts ?? {});
  const columns = [...spec.cols.map(([n]) => q(n)), ...consts.map(([n]) => q(n))].join(", ");
  const select = [...spec.cols.map(([n]) => `u.${q(n)}`), ...consts.map(([, sql]) => sql)].join(", ");
  const params = spec.cols.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const sql = `INSERT INTO ${q(spec.table)} (${columns}) SELECT ${select} FROM unnest(${params}) AS u(${spec.cols.map(([n]) => q(n)).join(", ")})`;
  await client.query(sql, spec.cols.map((_, i) => rows.map((r) => r[i])));
}

/** Deterministic pseudo-random numbers (mulberry32): the same dataset on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = ReturnType<typeof random>;
const pick = <T>(rng: Rng, xs: T[]) => xs[Math.floor(rng() * xs.length)];

const printed = (n: number, decimals: number) => n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const plain = (n: number, decimals: number) => n.toFixed(decimals);
const reiwa = (fy: number) => (fy === 2019 ? "R1" : `R${fy - 2018}`);

/** A narrative of a few hundred characters: paragraphs first, then the bullet items (one line each). */
function narrative(rng: Rng, pool: string[], count: number, kpi: string): string {
  const shuffled = [...pool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const chosen = shuffled.slice(0, count);
  const ordered = [...chosen.filter((s) => !s.startsWith("・")), ...chosen.filter((s) => s.startsWith("・"))];
  return ordered.map((s) => s.replaceAll("{kpi}", kpi)).join("\n");
}

type SeriesPlan = { label: string; kind: string; direction: string | null; baseline: number | null; baselineText: string | null; target: number | null; targetText: string; period: boolean; cells: { value: number | null; text: string }[] };

/** The value rows of one KPI: baseline (FY2019), five actuals (FY2020–2024) and a target of a mixed kind. */
function seriesOf(rng: Rng, tpl: (typeof KPI_TEMPLATES)[number], scale: number): SeriesPlan[] {
  const dec = tpl.decimals ?? 0;
  const rate = ["%", "倍", "年", ""].includes(tpl.unit);
  const base = Number((tpl.base * (rate ? 0.9 + rng() * 0.2 : scale)).toFixed(dec)) || 1;
  const lower = /待機児童|死者|刑法犯|温室効果|延床/.test(tpl.name);
  const roll = rng();
  const kind = roll < 0.6 ? "number" : roll < 0.72 ? "at_least" : roll < 0.82 ? "relative" : roll < 0.92 ? "period_total" : "milestone";
  const years = [2020, 2021, 2022, 2023, 2024];
  const pending = rng() < 0.1; // the last year still being compiled: 集計中, never read as zero
  const cell = (v: number, y: number) => (pending && y === 2024 ? { value: null, text: "集計中" } : { value: Number(v.toFixed(dec)), text: printed(v, dec) });
  if (kind === "milestone") {
    const steps = ["検討", "検討", "一部実施", "一部実施", rng() < 0.5 ? "完了" : "一部実施"];
    return [{ label: "進捗", kind, direction: null, baseline: null, baselineText: "未着手", target: null, targetText: "完了", period: false, cells: steps.map((text) => ({ value: null, text })) }];
  }
  const gain = (lower ? -1 : 1) * (0.05 + rng() * 0.25);
  const pace = 0.3 + rng();
  const yearly = years.map((y, i) => base * (1 + gain * pace * ((i + 1) / 5) + (rng() - 0.5) * 0.04));
  if (kind === "period_total") {
    const target = Number((base * 5 * (1 + Math.abs(gain))).toFixed(dec));
    return [{ label: "5年間の累計", kind, direction: "higher", baseline: base, baselineText: printed(base, dec), target, targetText: `5年間で${printed(target, dec)}`, period: true, cells: yearly.map((v, i) => cell(v, years[i])) }];
  }
  const target = Number((base * (1 + gain)).toFixed(dec));
  const first: SeriesPlan = {
    label: "単年度",
    kind,
    direction: kind === "at_least" ? null : lower ? "lower" : "higher",
    baseline: base,
    baselineText: printed(base, dec),
    target: kind === "relative" ? null : target,
    targetText: kind === "relative" ? (lower ? "前年度比減" : "前年度比増") : kind === "at_least" ? `${printed(target, dec)}以上` : printed(target, dec),
    period: false,
    cells: yearly.map((v, i) => (i === 0 && rng() < 0.02 ? { value: null, text: "－" } : cell(v, years[i]))),
  };
  if (kind !== "number" || lower || rate || rng() > 0.25) return [first];
  // some KPIs print a second row: the running total since the baseline year
  let sum = base;
  const totals = yearly.map((v) => (sum += v));
  const totalTarget = Number((base * 6 * (1 + gain)).toFixed(dec));
  return [first, { ...first, label: "累計", direction: "higher", target: totalTarget, targetText: printed(totalTarget, dec), cells: totals.map((v, i) => cell(v, years[i])) }];
}

function addOrganization(rows: Rows, i: number) {
  const rng = random(i * 7919);
  const org = `syn-o${i}`;
  const code = syntheticCode(i);
  const prefecture = i <= SYNTHETIC.prefectures;
  const name = `合成データ団体${String(i).padStart(4, "0")}`;
  rows.org.push([org, code, name, `Synthetic organisation ${i} (benchmark data)`, prefecture ? "prefecture" : "municipality", prefecture ? null : syntheticCode(((i - 1) % SYNTHETIC.prefectures) + 1)]);
  const divisions: string[] = [];
  DEPARTMENTS.forEach((d, di) => {
    const dep = syntheticDepartmentId(i, di);
    rows.unit.push([dep, org, null, d.name, unitKind(d.name), d.name, di * 10]);
    d.divisions.forEach((v, vi) => {
      divisions.push(`${dep}-v${vi}`);
      rows.unit.push([`${dep}-v${vi}`, org, dep, v, unitKind(v), `${d.name} / ${v}`, di * 10 + vi + 1]);
    });
  });
  const plan = `syn-o${i}-p`;
  rows.plan.push([plan, org, SYNTHETIC.planSlug, `（合成データ）第2期 総合戦略（${name}）`, SYNTHETIC.startYear, SYNTHETIC.endYear]);
  rows.planSource.push([plan, SOURCE_ID, "合成データ（ベンチマーク用。実在の団体・計画ではありません）"]);
  rows.evalYear.push([`${plan}-e2023`, plan, 2023, "closed"], [`${plan}-e2024`, plan, 2024, "open"]);
  const policies: string[] = [];
  let order = 0;
  GOALS.forEach((g, gi) => {
    const goal = `${plan}-s${gi + 1}`;
    rows.section.push([goal, plan, null, String(gi + 1), `基本目標${gi + 1}`, g.title, "goal", order++]);
    g.policies.forEach((p, pi) => {
      policies.push(`${goal}-${pi + 1}`);
      rows.section.push([`${goal}-${pi + 1}`, plan, goal, `${gi + 1}-${pi + 1}`, `(${pi + 1})`, p, "policy", order++]);
    });
  });
  const scale = prefecture ? 1 : 0.03 + rng() * 0.2;
  for (let n = 1; n <= SYNTHETIC.measuresPerPlan; n++) {
    const tpl = KPI_TEMPLATES[(n - 1) % KPI_TEMPLATES.length];
    const m = `${plan}-m${n}`;
    const section = policies[Math.floor(((n - 1) * policies.length) / SYNTHETIC.measuresPerPlan)];
    rows.measure.push([m, plan, section, String(n), n - 1, tpl.name, n % 10 === 0 ? "合成データのため、数値は実在の統計ではない。" : null, SOURCE_ID, n * 40, n * 40 + 39]);
    const d = (n - 1) % divisions.length;
    rows.owner.push([m, divisions[d], 0]);
    if (rng() < 0.15) rows.owner.push([m, divisions[(d + 4) % divisions.length], 1]);
    seriesOf(rng, tpl, scale).forEach((s, si) => {
      const id = `${m}-s${si}`;
      rows.series.push([id, m, si, s.label, s.kind === "milestone" ? null : tpl.unit || null, s.baselineText ? 2019 : null, s.baselineText ? reiwa(2019) : null, s.baseline === null ? null : plain(s.baseline, 6), s.baselineText, s.kind, s.direction, 2024, s.target === null ? null : plain(s.target, 6), s.targetText, s.period ? 2020 : null, s.period ? 2024 : null]);
      s.cells.forEach((c, ci) => rows.value.push([`${id}-${2020 + ci}`, id, 2020 + ci, c.value === null ? null : plain(c.value, 6), c.text]));
    });
    if (rng() < 0.7) rows.rating.push([`${m}-r`, m, SYNTHETIC.evaluationYear, pick(rng, ["達成", "概ね順調", "概ね順調", "遅れ", "悪化"])]);
    const kpi = `「${tpl.name}」`;
    rows.entry.push([`${m}-e`, m, SYNTHETIC.evaluationYear, narrative(rng, EFFORT_SENTENCES, 7, kpi), narrative(rng, ISSUE_SENTENCES, 6, kpi), narrative(rng, DIRECTION_SENTENCES, 6, kpi), SOURCE_ID, n * 40 + 20, n * 40 + 39]);
  }
}

export type DatasetCounts = Record<keyof typeof SPECS, number>;

/** Writes the synthetic dataset into `url`, which must be migrated and hold no organisation yet. */
export async function generateNationalDataset(url: string, log: (m: string) => void = () => {}, organizations = SYNTHETIC.organizations): Promise<DatasetCounts> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  const counts = Object.fromEntries(Object.keys(SPECS).map((k) => [k, 0])) as DatasetCounts;
  try {
    const existing = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Organization"');
    if (Number(existing.rows[0].n) > 0) throw new Error("the synthetic dataset goes into an empty database only: it is never mixed with real data");
    await client.query('INSERT INTO "SourceDocument" ("id", "fileName", "title") VALUES ($1, $2, $3)', [SOURCE_ID, "synthetic-national-benchmark.txt", "合成データ（npm run bench 用。実在の資料ではありません）"]);
    for (let from = 1; from <= organizations; from += CHUNK) {
      const rows = Object.fromEntries(Object.keys(SPECS).map((k) => [k, []])) as unknown as Rows;
      for (let i = from; i < Math.min(from + CHUNK, organizations + 1); i++) addOrganization(rows, i);
      await client.query("BEGIN");
      for (const key of Object.keys(SPECS) as (keyof typeof SPECS)[]) {
        await insert(client, SPECS[key], rows[key]);
        counts[key] += rows[key].length;
      }
      await client.query("COMMIT");
      log(`  ${Math.min(from + CHUNK - 1, organizations)}/${organizations} organisations`);
    }
    // fresh statistics and visibility map, as on a database that has been running for a while
    await client.query("VACUUM ANALYZE");
    return counts;
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2];
  if (!url) throw new Error("usage: tsx bench/generate-national-dataset.ts <url of an empty, migrated database>");
  const started = Date.now();
  const counts = await generateNationalDataset(url, console.log);
  console.log(counts, `${((Date.now() - started) / 1000).toFixed(1)} s`);
}
