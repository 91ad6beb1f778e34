// Loads validated seed files into the database in one transaction. Re-running updates rows in place
// (natural keys: organisation code, unit path, plan slug, section key, measure number, series label).
import type { PrismaClient } from "../generated/prisma/client";
import type { Prisma } from "../generated/prisma/client";
import { cellNumber } from "./cell-number";
import type { PlanBundle, SeedSet } from "./read-seed-files";
import type { MeasureSeed, SectionSeed, SeriesSeed, YearCellSeed } from "./schema";
import { parsePrintedNumber } from "../values/printed-number";
import { unitKind } from "../org-units/unit-kind";

type Tx = Prisma.TransactionClient;

export type SeedCounts = { organizations: number; plans: number; measures: number; entries: number };

export async function loadSeeds(prisma: PrismaClient, set: SeedSet): Promise<SeedCounts> {
  return prisma.$transaction(
    async (tx) => {
      const counts: SeedCounts = { organizations: 0, plans: 0, measures: 0, entries: 0 };
      const orgIds = new Map<string, string>();
      for (const { organization: o } of set.organizations) {
        const data = { name: o.name, nameEn: o.nameEn ?? null, kind: o.kind, prefectureCode: o.prefectureCode ?? null };
        const row = await tx.organization.upsert({ where: { code: o.code }, create: { code: o.code, ...data }, update: data, select: { id: true } });
        orgIds.set(o.code, row.id);
        counts.organizations++;
      }
      const sourceIds = await upsertSources(tx, set);
      for (const bundle of set.plans) {
        const organizationId = orgIds.get(bundle.plan.organization)!;
        const c = await loadPlan(tx, organizationId, bundle, sourceIds);
        counts.plans++;
        counts.measures += c.measures;
        counts.entries += c.entries;
      }
      return counts;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function upsertSources(tx: Tx, set: SeedSet): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const b of set.plans) for (const s of b.plan.sources) titles.set(s.file, s.title);
  for (const b of set.plans)
    for (const { measure } of b.measures) {
      if (!titles.has(measure.source.file)) titles.set(measure.source.file, measure.source.file);
      for (const e of measure.entries) if (!titles.has(e.source.file)) titles.set(e.source.file, e.source.file);
    }
  const ids = new Map<string, string>();
  for (const [fileName, title] of titles) {
    const row = await tx.sourceDocument.upsert({ where: { fileName }, create: { fileName, title }, update: { title }, select: { id: true } });
    ids.set(fileName, row.id);
  }
  return ids;
}

async function loadPlan(tx: Tx, organizationId: string, bundle: PlanBundle, sourceIds: Map<string, string>) {
  const { plan } = bundle;
  const data = {
    name: plan.name,
    startYear: plan.startYear,
    endYear: plan.endYear,
    progressRule: plan.progressRule,
    progressSettings: plan.progressSettings ?? undefined,
    status: plan.status,
    printFormName: plan.printFormName ?? null,
  };
  const { id: planId } = await tx.plan.upsert({
    where: { organizationId_slug: { organizationId, slug: plan.slug } },
    create: { organizationId, slug: plan.slug, ...data },
    update: data,
    select: { id: true },
  });
  await tx.planSource.deleteMany({ where: { planId } });
  await tx.planSource.createMany({
    data: plan.sources.map((s) => ({ planId, sourceDocumentId: sourceIds.get(s.file)!, title: s.title })),
  });
  const sectionIds = new Map<string, string>();
  let order = 0;
  const walk = async (sections: SectionSeed[], parentId: string | null) => {
    for (const s of sections) {
      const d = { parentId, label: s.label, title: s.title, kind: s.kind, sortOrder: order++ };
      const row = await tx.planSection.upsert({
        where: { planId_key: { planId, key: s.key } },
        create: { planId, key: s.key, ...d },
        update: d,
        select: { id: true },
      });
      sectionIds.set(s.key, row.id);
      await walk(s.children ?? [], row.id);
    }
  };
  await walk(plan.sections, null);

  const unitIds = new Map<string, string>();
  let entries = 0;
  for (const [index, { measure }] of sortMeasures(bundle.measures).entries()) {
    const measureId = await upsertMeasure(tx, planId, index, measure, sectionIds, sourceIds);
    const ownerIds: string[] = [];
    for (const owner of measure.owners) ownerIds.push(await ensureUnit(tx, organizationId, owner, unitIds));
    await tx.measureOwner.deleteMany({ where: { measureId } });
    await tx.measureOwner.createMany({ data: [...new Set(ownerIds)].map((unitId, i) => ({ measureId, unitId, sortOrder: i })) });
    await replaceSeries(tx, measureId, measure.series);
    for (const e of measure.entries) {
      // a YAML block ends with a line break; the stored narrative does not (as the edit form saves it)
      const trim = (t: string | null) => (t === null ? null : t.trim() || null);
      const text = { effortStatus: trim(e.effortStatus), issues: trim(e.issues), direction: trim(e.direction) };
      const d = {
        ...text,
        publishedEffortStatus: text.effortStatus,
        publishedIssues: text.issues,
        publishedDirection: text.direction,
        state: "published" as const,
        sourceDocumentId: sourceIds.get(e.source.file)!,
        sourceLineStart: e.source.lines[0],
        sourceLineEnd: e.source.lines[1],
      };
      await tx.sheetEntry.upsert({
        where: { measureId_evaluationYear: { measureId, evaluationYear: e.evaluationYear } },
        create: { measureId, evaluationYear: e.evaluationYear, ...d },
        update: d,
      });
      entries++;
    }
    for (const r of measure.officialRatings) {
      const d = { rating: r.rating, source: "printed" as const, sourceLineStart: r.source?.lines[0] ?? null, sourceLineEnd: r.source?.lines[1] ?? null };
      await tx.officialRating.upsert({
        where: { measureId_evaluationYear: { measureId, evaluationYear: r.evaluationYear } },
        create: { measureId, evaluationYear: r.evaluationYear, ...d },
        update: d,
      });
    }
  }
  return { measures: bundle.measures.length, entries };
}

/** Printed order: numbered sheets by number, 追加 sheets after them, other labels as strings. */
export function sortMeasures<T extends { measure: { no: string } }>(measures: T[]): T[] {
  const key = (no: string) => {
    const m = /^(\D*)(\d+)(?:-(\d+))?$/.exec(no);
    return m ? [m[1], Number(m[2]), Number(m[3] ?? 0)] as const : [no, 0, 0] as const;
  };
  return [...measures].sort((a, b) => {
    const [pa, na, sa] = key(a.measure.no);
    const [pb, nb, sb] = key(b.measure.no);
    return pa.localeCompare(pb) || na - nb || sa - sb;
  });
}

async function upsertMeasure(
  tx: Tx,
  planId: string,
  sortOrder: number,
  m: MeasureSeed,
  sectionIds: Map<string, string>,
  sourceIds: Map<string, string>,
): Promise<string> {
  const d = {
    sectionId: m.section ? sectionIds.get(m.section)! : null,
    kind: m.kind,
    sortOrder,
    name: m.name,
    footnote: m.footnote,
    notes: m.notes,
    sourceDocumentId: sourceIds.get(m.source.file)!,
    sourceLineStart: m.source.lines[0],
    sourceLineEnd: m.source.lines[1],
    confidence: m.confidence,
    confidenceNote: m.confidenceNote,
  };
  const row = await tx.measure.upsert({
    where: { planId_number: { planId, number: m.no } },
    create: { planId, number: m.no, ...d },
    update: d,
    select: { id: true },
  });
  return row.id;
}

async function ensureUnit(
  tx: Tx,
  organizationId: string,
  owner: { department: string; division: string | null },
  cache: Map<string, string>,
): Promise<string> {
  const upsert = async (path: string, name: string, parentId: string | null) => {
    if (cache.has(path)) return cache.get(path)!;
    const row = await tx.orgUnit.upsert({
      where: { organizationId_path: { organizationId, path } },
      create: { organizationId, path, name, parentId, kind: unitKind(name) },
      update: { name, parentId, kind: unitKind(name) },
      select: { id: true },
    });
    cache.set(path, row.id);
    return row.id;
  };
  const departmentId = await upsert(owner.department, owner.department, null);
  if (!owner.division) return departmentId;
  return upsert(`${owner.department} / ${owner.division}`, owner.division, departmentId);
}

async function replaceSeries(tx: Tx, measureId: string, series: SeriesSeed[]) {
  await tx.valueSeries.deleteMany({ where: { measureId, label: { notIn: series.map((s) => s.label) } } });
  for (const [i, s] of series.entries()) {
    const target = s.target;
    const d = {
      sortOrder: i,
      unit: s.unit,
      baselineYear: s.baseline?.year ?? null,
      baselineYearLabel: s.baseline?.yearLabel ?? null,
      baselineValue: s.baseline ? cellNumber(s.baseline) : null,
      baselineText: s.baseline?.value ?? null,
      baselineLabel: s.baseline?.label ?? null,
      baselinePeriod: s.baseline?.period ?? null,
      targetKind: target?.kind ?? null,
      targetDirection: target?.direction ?? null,
      targetYear: target?.year ?? null,
      targetValue: target ? (target.number ?? (target.kind === "milestone" || target.kind === "relative" ? null : parsePrintedNumber(target.value))) : null,
      targetText: target?.value ?? null,
      targetPeriodStart: target?.periodStart ?? null,
      targetPeriodEnd: target?.periodEnd ?? null,
      comparisonValue: s.comparison ? parsePrintedNumber(s.comparison.value) : null,
      comparisonText: s.comparison?.value ?? null,
      aggregation: s.comparison?.aggregation ?? null,
      countsWithinPeriod: s.countsWithinPeriod,
      chartLabels: s.chart ?? [],
    };
    const { id: seriesId } = await tx.valueSeries.upsert({
      where: { measureId_label: { measureId, label: s.label } },
      create: { measureId, label: s.label, ...d },
      update: d,
      select: { id: true },
    });
    await tx.seriesValue.deleteMany({ where: { seriesId } });
    const cells = (kind: "actual" | "target" | "estimate", list: YearCellSeed[] | undefined) =>
      (list ?? []).map((c) => ({
        seriesId,
        kind,
        fiscalYear: c.year,
        value: cellNumber(c),
        text: c.value,
        label: c.label ?? null,
        period: c.period ?? null,
        asOf: c.asOf ?? null,
        note: c.note ?? null,
      }));
    await tx.seriesValue.createMany({
      data: [...cells("actual", s.actuals), ...cells("target", s.targetPath), ...cells("estimate", s.estimates)],
    });
  }
}
