// The pages' main data functions alone, in-process as in tests/integration/query-counts.test.ts: the SQL
// statements each sends (a client that counts them) and its time, warm and one call at a time. bench/run.ts
// also counts the statements of a whole request on the server (layout, session, history … included); the
// difference between the two, and between this time and the page's latency, is the rest of the page.
// Run under the react-server export condition, as Next runs these modules (they import "server-only"):
//   node --conditions=react-server --import tsx bench/count-queries.ts '<json: {url, code, slug, no, unitId}>'
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createPrismaClient } from "../lib/db";
import { getPlanOverview } from "../lib/plans/get-overview";
import { getPlanTitle } from "../lib/plans/queries";
import { parseOverviewFilters } from "../lib/plans/overview-filters";
import { getMeasurePageData } from "../lib/measures/queries";
import { getUnitPage } from "../lib/units/queries";

const { url, code, slug, no, unitId } = JSON.parse(process.argv[2]) as { url: string; code: string; slug: string; no: string; unitId: string };
let count = 0;
const counted = createPrismaClient(url, { onQuery: () => count++ });
(globalThis as unknown as { kpiPrisma?: PrismaClient }).kpiPrisma = counted;

async function queries(fn: () => Promise<unknown>): Promise<number> {
  count = 0;
  const result = await fn();
  if (!result) throw new Error("a benchmark page's data function found nothing: is the synthetic dataset loaded?");
  return count;
}

try {
  // the overview's metadata has its own query; the department and KPI pages share one load between
  // generateMetadata and the page (React cache, per request)
  const overviewMetadata = await queries(() => getPlanTitle(code, slug));
  const overview = await queries(() => getPlanOverview(code, slug, parseOverviewFilters({})));
  const department = await queries(() => getUnitPage(code, unitId));
  const kpi = await queries(() => getMeasurePageData(code, slug, no));
  const ms = async (fn: () => Promise<unknown>, runs = 50) => {
    for (let i = 0; i < 5; i++) await fn();
    const started = performance.now();
    for (let i = 0; i < runs; i++) await fn();
    return Math.round(((performance.now() - started) / runs) * 10) / 10;
  };
  const dataMs = {
    overview: await ms(async () => Promise.all([getPlanTitle(code, slug), getPlanOverview(code, slug, parseOverviewFilters({}))])),
    department: await ms(() => getUnitPage(code, unitId)),
    kpi: await ms(() => getMeasurePageData(code, slug, no)),
  };
  process.stdout.write(JSON.stringify({ queries: { overview: overviewMetadata + overview, department, kpi }, dataMs }));
} finally {
  await counted.$disconnect();
}
