// The whole dataset in the documented export shape (README: "JSON export"). The open-data API serves the
// same shape. Values keep the number and the printed text side by side; years are Western integers with the
// 令和/平成 label beside them. Only published narratives are exported.
import type { PrismaClient } from "../generated/prisma/client";
import { fiscalYearLabel } from "../fiscal-year";
import { measureStatus } from "../measures/measure-status";
import { planRule, toSeriesInput } from "../measures/series-input";
import { ruleSettings } from "../progress/settings";
import type { MeasureStatus } from "../progress/types";
import { PUBLISHED_ENTRY } from "./published";
import { publicNote } from "../measures/provenance";
import { PUBLIC_PLAN } from "../plans/visibility";

export const EXPORT_FORMAT = "kpi-dashboard/dataset";
export const EXPORT_VERSION = 1;

type DecimalLike = { toString(): string } | null;

/** A Decimal as a JSON number (exact for the magnitudes of these tables), null stays null. */
function num(d: DecimalLike): number | null {
  return d === null ? null : Number(d.toString());
}

const year = (y: number) => ({ fiscalYear: y, fiscalYearLabel: fiscalYearLabel(y) });
const maybeYear = (y: number | null) => (y === null ? { fiscalYear: null, fiscalYearLabel: null } : year(y));

/** An organisation's identity in the open-data shapes (the dataset export and the catalogue). */
export function organizationSummary(o: { code: string; name: string; nameEn: string | null; kind: string; prefectureCode: string | null; dataLicense: string }) {
  return { code: o.code, name: o.name, nameEn: o.nameEn, kind: o.kind, prefectureCode: o.prefectureCode, license: o.dataLicense };
}

/** "public" (the open-data API): what a reader may see; "full" (npm run export:json, backups): also the internal
 *  provenance — source file names and line numbers, and the readers' confidence notes. */
export type ExportAudience = "public" | "full";

export async function exportDataset(prisma: PrismaClient, options: { organizationCode?: string; planSlug?: string; audience?: ExportAudience } = {}) {
  const full = options.audience === "full";
  const organizations = await prisma.organization.findMany({
    where: options.organizationCode ? { code: options.organizationCode } : {},
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    include: {
      plans: {
        // a plan being set up (準備中) is not published; a full export (backups) holds it too
        where: { ...(options.planSlug ? { slug: options.planSlug } : {}), ...(full ? {} : PUBLIC_PLAN) },
        orderBy: [{ startYear: "asc" }, { slug: "asc" }],
        include: {
          sources: { include: { sourceDocument: true } },
          sections: { orderBy: { sortOrder: "asc" }, include: { parent: { select: { key: true } } } },
          measures: {
            orderBy: { sortOrder: "asc" },
            include: {
              section: { select: { key: true } },
              sourceDocument: { select: { fileName: true } },
              owners: { orderBy: { sortOrder: "asc" }, include: { unit: { include: { parent: true } } } },
              series: { orderBy: { sortOrder: "asc" }, include: { values: { orderBy: [{ kind: "asc" }, { fiscalYear: "asc" }] } } },
              officialRatings: { orderBy: { evaluationYear: "asc" } },
              entries: { where: PUBLISHED_ENTRY, orderBy: { evaluationYear: "asc" }, include: { sourceDocument: { select: { fileName: true } } } },
            },
          },
        },
      },
    },
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    organizations: organizations.map((o) => ({
      ...organizationSummary(o),
      plans: o.plans.map((p) => ({
        slug: p.slug,
        name: p.name,
        start: year(p.startYear),
        end: year(p.endYear),
        progressRule: p.progressRule,
        // the rule's thresholds, completed with its defaults (lib/progress/settings.ts)
        progressSettings: ruleSettings(p.progressRule, p.progressSettings),
        // the public reads a source's title and, when known, where it is published; never the internal file name
        sources: p.sources.map((s) => (full ? { file: s.sourceDocument.fileName, title: s.title, url: s.sourceDocument.url } : { title: s.title, url: s.sourceDocument.url })),
        sections: p.sections.map((s) => ({ key: s.key, parentKey: s.parent?.key ?? null, label: s.label, title: s.title, kind: s.kind })),
        measures: p.measures.map((m) => ({
          number: m.number,
          kind: m.kind,
          name: m.name,
          section: m.section?.key ?? null,
          footnote: m.footnote,
          notes: m.notes,
          owners: m.owners.map((ow) =>
            ow.unit.parent ? { department: ow.unit.parent.name, division: ow.unit.name } : { department: ow.unit.name, division: null },
          ),
          ...(full
            ? {
                provenance: m.sourceDocument ? { file: m.sourceDocument.fileName, lines: [m.sourceLineStart, m.sourceLineEnd] } : null,
                confidence: m.confidence,
                confidenceNote: m.confidenceNote,
              }
            : {}),
          series: m.series.map((s) => {
            const cells = (kind: "actual" | "target" | "estimate") =>
              s.values
                .filter((v) => v.kind === kind)
                .map((v) => ({ ...year(v.fiscalYear), value: num(v.value), text: v.text, cellLabel: v.label, period: v.period, asOf: v.asOf, note: full ? v.note : publicNote(v.note) }));
            return {
              label: s.label,
              unit: s.unit,
              baseline:
                s.baselineText === null
                  ? null
                  : {
                      ...maybeYear(s.baselineYear),
                      printedYearLabel: s.baselineYearLabel,
                      value: num(s.baselineValue),
                      text: s.baselineText,
                      cellLabel: s.baselineLabel,
                      period: s.baselinePeriod,
                    },
              target:
                s.targetKind === null
                  ? null
                  : {
                      kind: s.targetKind,
                      direction: s.targetDirection,
                      ...maybeYear(s.targetYear),
                      value: num(s.targetValue),
                      text: s.targetText,
                      periodStart: s.targetPeriodStart,
                      periodEnd: s.targetPeriodEnd,
                    },
              actuals: cells("actual"),
              targetPath: cells("target"),
              estimates: cells("estimate"),
              comparison: s.aggregation === null ? null : { aggregation: s.aggregation, value: num(s.comparisonValue), text: s.comparisonText },
              // true: the actuals are a running total from the plan period's start, the baseline the previous period's total
              countsWithinPeriod: s.countsWithinPeriod,
              chartLabels: s.chartLabels,
            };
          }),
          officialRatings: m.officialRatings.map((r) => ({
            evaluationYear: r.evaluationYear,
            evaluationYearLabel: fiscalYearLabel(r.evaluationYear),
            rating: r.rating,
            reason: r.reason,
            source: r.source,
          })),
          statuses: evaluationYears(p, m).map((y) => {
            const rating = m.officialRatings.find((r) => r.evaluationYear === y) ?? null;
            const r = measureStatus(m.kind, m.series.map(toSeriesInput), planRule(p), y, rating?.rating ?? null, rating?.reason ?? null);
            return exportStatus(y, r);
          }),
          sheets: m.entries.map((e) => ({
            evaluationYear: e.evaluationYear,
            evaluationYearLabel: fiscalYearLabel(e.evaluationYear),
            effortStatus: e.publishedEffortStatus,
            issues: e.publishedIssues,
            direction: e.publishedDirection,
            ...(full ? { provenance: e.sourceDocument ? { file: e.sourceDocument.fileName, lines: [e.sourceLineStart, e.sourceLineEnd] } : null } : {}),
          })),
        })),
      })),
    })),
  };
}

/** One evaluation year's status of a measure as the export (and the open-data statuses.csv) carries it. */
export function exportStatus(y: number, r: MeasureStatus) {
  return {
    evaluationYear: y,
    evaluationYearLabel: fiscalYearLabel(y),
    status: r.status,
    statusLabel: r.statusLabel,
    decidingSeries: r.decidingSeries,
    series: r.series.map((s) => ({
      label: s.label,
      status: s.status,
      statusLabel: s.statusLabel,
      rate: s.rate === null ? null : Number(s.rate),
      evaluatedYear: s.evaluatedYear,
      explanation: s.explanation,
      // an intermediate year judged against the expected path: the expected value and actual ÷ expected
      expected: s.expected ? { fiscalYear: s.expected.year, value: Number(s.expected.value), rate: Number(s.expected.rate) } : null,
      // late statistics: the judged year is earlier than the evaluation year
      pending: s.pending ?? null,
      // 見込み: a linear fit to the target year, never an actual
      projection: s.projection ? { kind: "projection", fiscalYear: s.projection.year, value: Number(s.projection.value), points: s.projection.points, text: s.projection.text } : null,
    })),
    official: r.official,
    pending: r.pending ?? null,
  };
}

/** The evaluation years of a measure: each year of the plan up to the latest year that has an actual. */
function evaluationYears(plan: { startYear: number; endYear: number }, m: { series: { values: { kind: string; fiscalYear: number }[] }[]; officialRatings: { evaluationYear: number }[] }): number[] {
  const years = m.series.flatMap((s) => s.values.filter((v) => v.kind === "actual").map((v) => v.fiscalYear));
  const last = Math.max(...years, ...m.officialRatings.map((r) => r.evaluationYear), 0);
  const out: number[] = [];
  for (let y = plan.startYear; y <= Math.min(plan.endYear, last); y++) out.push(y);
  return out;
}

export type DatasetExport = Awaited<ReturnType<typeof exportDataset>>;
