// The plan (or one department's part of it) as an .xlsx workbook: published data only, the same statuses
// as the overview (the plan's default evaluation year), three queries whatever the number of measures.
// Members of the organisation also get each row's sheet version (版), which the import compares to find rows
// changed since the export; the public gets no versions (a version counts draft saves, which are not public).
import { canSeePlan } from "../plans/visibility";
import { defaultEvaluationYear, openEvaluationYear, openYearSelect } from "../plans/evaluation-year";
import { PUBLISHED_ENTRY } from "../export/published";
import type { PrismaClient } from "../generated/prisma/client";
import { shortEraYear } from "../fiscal-year";
import { measureListSelect, seriesSelect } from "../measures/measure-select";
import { measureStatus } from "../measures/measure-status";
import type { MeasureStatus } from "../progress/types";
import { actualValues, planRule, toSeriesInput } from "../measures/series-input";
import { publicNote } from "../measures/provenance";
import { ownersOf } from "../plans/overview";
import { buildPlanWorkbook, workbookFileName, type ExportCell, type ExportData } from "./build-workbook";

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());
const unique = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];

/** 「R1（2019）」, or the printed period when a value is for a period. */
function yearText(year: number | null, printed: string | null, period: string | null): string | null {
  if (year !== null) return `${printed ?? shortEraYear(year)}（${year}）`;
  return period ?? printed;
}

function periodText(start: number | null, end: number | null): string | null {
  return start !== null && end !== null ? `${shortEraYear(start)}〜${shortEraYear(end)}（${start}〜${end}）` : null;
}

/** What a cell prints besides its value: 「(H31)」, a period, an as-of date, a note (as the public reads it:
 *  without internal source file names, like the open data). */
function cellNote(v: { label: string | null; period: string | null; asOf: string | null; note: string | null }): string | null {
  const parts = [v.label && `表記：${v.label}`, v.period && `期間：${v.period}`, v.asOf && `時点：${v.asOf}`, publicNote(v.note)].filter(Boolean);
  return parts.length ? parts.join("\n") : null;
}

/** `reader`: who asks (a 準備中 plan is exported to its organisation's members only, like its pages). */
export type ExportOptions = { organizationCode: string; planSlug: string; departmentId?: string; reader?: { memberships: readonly { organizationId: string }[] } | null };

export async function loadExportData(prisma: PrismaClient, options: ExportOptions, now = new Date()): Promise<ExportData | { notFound: "plan" | "department" }> {
  const plan = await prisma.plan.findFirst({
    where: { slug: options.planSlug, organization: { code: options.organizationCode } },
    select: {
      id: true, slug: true, name: true, startYear: true, endYear: true, progressRule: true, progressSettings: true, status: true, organizationId: true,
      organization: { select: { code: true, name: true, dataLicense: true } },
      ...openYearSelect,
    },
  });
  if (!plan || !canSeePlan(options.reader ?? null, plan)) return { notFound: "plan" };
  const member = options.reader?.memberships.some((m) => m.organizationId === plan.organizationId) ?? false;
  const [measures, entries, versions] = await Promise.all([
    prisma.measure.findMany({
      where: { planId: plan.id, retiredAt: null },
      orderBy: { sortOrder: "asc" },
      select: { ...measureListSelect, series: { ...measureListSelect.series, select: { ...seriesSelect, baselinePeriod: true } } },
    }),
    prisma.sheetEntry.findMany({
      where: { measure: { planId: plan.id }, ...PUBLISHED_ENTRY },
      orderBy: { evaluationYear: "asc" },
      select: { measureId: true, evaluationYear: true, publishedEffortStatus: true, publishedIssues: true, publishedDirection: true },
    }),
    member ? prisma.sheetEntry.findMany({ where: { measure: { planId: plan.id } }, select: { measureId: true, evaluationYear: true, version: true } }) : [],
  ]);
  const versionByEntry = new Map(versions.map((v) => [`${v.measureId}/${v.evaluationYear}`, v.version]));
  const versionOf = (measureId: string, year: number): number | null => (member ? (versionByEntry.get(`${measureId}/${year}`) ?? 0) : null);
  // the status year is the plan's, whatever the department filter, so it matches the overview
  const statusYear = defaultEvaluationYear(plan, measures);
  // the year staff import into: the open one (else the status year); each KPI gets a 記述 row for it
  const versionYear = openEvaluationYear(plan) ?? statusYear;
  let department: ExportData["department"] = null;
  if (options.departmentId) {
    const owner = measures.flatMap(ownersOf).find((o) => o.departmentId === options.departmentId);
    if (!owner) return { notFound: "department" };
    department = { id: owner.departmentId, name: owner.department };
  }
  const selected = department ? measures.filter((m) => ownersOf(m).some((o) => o.departmentId === department!.id)) : measures;

  const years = new Set<number>();
  for (let y = plan.startYear; y <= plan.endYear; y++) years.add(y);
  // an actual outside the plan's span (the R1 column some sheets print) keeps its own column
  for (const m of selected) for (const s of m.series) for (const v of actualValues(s.values)) years.add(v.fiscalYear);

  const data: ExportData = {
    organization: { code: plan.organization.code, name: plan.organization.name, license: plan.organization.dataLicense },
    plan: { slug: plan.slug, name: plan.name, startYear: plan.startYear, endYear: plan.endYear },
    department,
    statusYear,
    versionYear,
    years: [...years].sort((a, b) => a - b),
    generatedAt: now,
    measures: selected.map((m) => {
      const owners = ownersOf(m);
      const rating = m.officialRatings.find((r) => r.evaluationYear === statusYear) ?? null;
      const status = measureStatus(m.kind, m.series.map(toSeriesInput), planRule(plan), statusYear, rating?.rating ?? null, rating?.reason ?? null);
      const published = entries
        .filter((e) => e.measureId === m.id && (e.evaluationYear === versionYear || e.publishedEffortStatus || e.publishedIssues || e.publishedDirection))
        .map((e) => ({ evaluationYear: e.evaluationYear, effortStatus: e.publishedEffortStatus, issues: e.publishedIssues, direction: e.publishedDirection, version: versionOf(m.id, e.evaluationYear) }));
      if (!published.some((n) => n.evaluationYear === versionYear)) {
        published.push({ evaluationYear: versionYear, effortStatus: null, issues: null, direction: null, version: versionOf(m.id, versionYear) });
      }
      return {
        number: m.number,
        name: m.name,
        departments: unique(owners.map((o) => o.department)).join("・"),
        divisions: unique(owners.map((o) => o.division)).join("・"),
        statusLabel: status.statusLabel,
        statusNote: statusNote(status),
        version: versionOf(m.id, versionYear),
        series: m.series.map((s) => ({
          label: s.label,
          unit: s.unit,
          baselineYear: yearText(s.baselineYear, s.baselineYearLabel, s.baselinePeriod),
          baseline: s.baselineValue === null && s.baselineText === null ? null : { value: str(s.baselineValue), text: s.baselineText },
          actuals: new Map(actualValues(s.values).map((v): [number, ExportCell] => [v.fiscalYear, { value: str(v.value), text: v.text, note: cellNote(v) }])),
          target: s.targetValue === null && s.targetText === null ? null : { value: str(s.targetValue), text: s.targetText },
          targetYear: periodText(s.targetPeriodStart, s.targetPeriodEnd) ?? yearText(s.targetYear, null, null),
        })),
        narratives: published.sort((a, b) => a.evaluationYear - b.evaluationYear),
      };
    }),
  };
  return data;
}

/** The workbook as bytes with its file name, or why there is none. */
export async function exportPlanWorkbook(prisma: PrismaClient, options: ExportOptions, now = new Date()) {
  const data = await loadExportData(prisma, options, now);
  if ("notFound" in data) return data;
  const buffer = await buildPlanWorkbook(data).xlsx.writeBuffer();
  return { buffer: new Uint8Array(buffer as ArrayBuffer), fileName: workbookFileName(data), asciiFileName: `kpi-${data.organization.code}-${data.plan.slug}${data.department ? "-department" : ""}.xlsx` };
}

/** RFC 6266 with RFC 5987's filename*: an ASCII fallback, and the Japanese name percent-encoded in UTF-8. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A built workbook as a download: every .xlsx the app serves (the actuals export, the plan workbook). */
export function xlsxResponse(file: { buffer: Uint8Array; fileName: string; asciiFileName: string }): Response {
  return new Response(file.buffer as BodyInit, {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": attachmentDisposition(file.fileName, file.asciiFileName),
      "Content-Length": String(file.buffer.byteLength),
      "Cache-Control": "no-store",
    },
  });
}

/** The 判定の注記 column: which year was judged when a later figure is pending, and an official rating that differs. */
export function statusNote(status: MeasureStatus): string | null {
  const notes = [
    status.pending?.note,
    status.official?.agrees === false ? `公式評価「${status.official.rating}」${status.official.reason ? `（理由：${status.official.reason}）` : ""}` : null,
  ].filter(Boolean);
  return notes.length ? notes.join("／") : null;
}
