// The database side of the Excel import: the plan's current values as the parser's context, the preview
// (parse and check everything, write nothing), and applying the confirmed changes in ONE transaction as
// drafts of the owning departments' sheets, with one audit record per changed sheet. Both steps check the
// acting user's rights themselves; applying re-checks every change against the rows as they are now.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { can, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import type { StoredCell } from "./cells";
import { formatIssue, openWorkbook, parseImport, sameCell, type ImportChange, type ImportContext, type ImportIssue } from "./import";
import { SHEET_VALUES } from "./layout";
import { fiscalYearWithWestern } from "../fiscal-year";

type Tx = Prisma.TransactionClient;

export type PlanYearRef = { organizationCode: string; planSlug: string; evaluationYear: number };

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

/** May the actor import anything into this organisation (an officer with units, or an admin)? */
export function mayImport(actor: Actor, organizationId: string): boolean {
  return actor.memberships.some((m) => m.organizationId === organizationId && can(actor, "import.values", { organizationId, ownerUnitIds: m.unitIds }));
}

/** Each series' current value for the year: the sheet's draft when there is one, else the published actual. */
export async function loadImportContext(db: PrismaClient | Tx, ref: PlanYearRef): Promise<ImportContext | null> {
  const plan = await db.plan.findFirst({
    where: { slug: ref.planSlug, organization: { code: ref.organizationCode } },
    select: { id: true, name: true, slug: true, organizationId: true, organization: { select: { code: true } }, evaluationYears: { where: { fiscalYear: ref.evaluationYear }, select: { status: true } } },
  });
  if (!plan) return null;
  const year = ref.evaluationYear;
  const measures = await db.measure.findMany({
    where: { planId: plan.id },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      number: true,
      name: true,
      owners: { select: { unitId: true } },
      series: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true, unit: true, values: { where: { kind: "actual", fiscalYear: year }, select: { value: true, text: true } } } },
      entries: { where: { evaluationYear: year }, select: { state: true, draftValues: { where: { fiscalYear: year }, select: { seriesId: true, value: true, text: true } } } },
    },
  });
  return {
    organizationId: plan.organizationId,
    organizationCode: plan.organization.code,
    planSlug: plan.slug,
    planName: plan.name,
    evaluationYear: year,
    evaluationYearOpen: plan.evaluationYears[0]?.status === "open",
    measures: measures.map((m) => {
      const entry = m.entries[0] ?? null;
      return {
        id: m.id,
        number: m.number,
        name: m.name,
        ownerUnitIds: m.owners.map((o) => o.unitId),
        entryState: entry?.state ?? null,
        series: m.series.map((s) => {
          const draft = entry?.draftValues.find((d) => d.seriesId === s.id);
          const published = s.values[0];
          const current = draft ?? published ?? null;
          return { id: s.id, label: s.label, unit: s.unit, current: current ? { value: str(current.value), text: current.text } : null };
        }),
      };
    }),
  };
}

export type PreviewResult = { ok: false; errors: string[] } | { ok: true; changes: ImportChange[] };

const FORBIDDEN = "この計画の値を取り込む権限がありません。担当課の職員または企画担当がサインインして取り込んでください。";

/** Reads and checks the whole workbook; writes nothing. */
export async function previewExcelImport(prisma: PrismaClient, actor: Actor, input: PlanYearRef & { bytes: Uint8Array }): Promise<PreviewResult> {
  const ctx = await loadImportContext(prisma, input);
  if (!ctx) return { ok: false, errors: ["計画が見つかりません。"] };
  if (!mayImport(actor, ctx.organizationId)) return { ok: false, errors: [FORBIDDEN] };
  const opened = await openWorkbook(input.bytes);
  if (!opened.ok) return { ok: false, errors: [opened.reason === "too_large" ? opened.message : "Excel ファイル（.xlsx）として読み込めませんでした。このサイトから書き出した .xlsx ファイルを使ってください。"] };
  const { issues, changes } = parseImport(opened.workbook, ctx, actor);
  return issues.length ? { ok: false, errors: issues.map(formatIssue) } : { ok: true, changes };
}

export type ConfirmedChange = { measureId: string; seriesId: string; row: number; before: StoredCell | null; after: StoredCell };
export type ApplyResult =
  | { ok: true; values: number; sheets: { measureId: string; number: string; name: string }[] }
  | { ok: false; errors: string[] };

class Refusal extends Error {
  constructor(readonly errors: string[]) {
    super(errors[0]);
  }
}

/** Applies confirmed changes as drafts, all or nothing. */
export async function applyExcelImport(prisma: PrismaClient, actor: Actor, input: PlanYearRef & { changes: ConfirmedChange[] }): Promise<ApplyResult> {
  try {
    return await prisma.$transaction((tx) => applyInTransaction(tx, actor, input), { isolationLevel: "Serializable", timeout: 60_000 });
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, errors: e.errors };
    if (e && typeof e === "object" && "code" in e && (e as { code: string }).code === "P2034") {
      return { ok: false, errors: ["同時に他の保存があったため取り込めませんでした。もう一度ファイルを取り込んでください。"] };
    }
    throw e;
  }
}

async function applyInTransaction(tx: Tx, actor: Actor, input: PlanYearRef & { changes: ConfirmedChange[] }): Promise<ApplyResult> {
  const ctx = await loadImportContext(tx, input);
  if (!ctx) throw new Refusal(["計画が見つかりません。"]);
  if (!mayImport(actor, ctx.organizationId)) throw new Refusal([FORBIDDEN]);
  const yearLabel = fiscalYearWithWestern(input.evaluationYear);
  const issues: ImportIssue[] = [];
  if (!ctx.evaluationYearOpen) issues.push({ sheet: null, row: null, column: null, message: `${yearLabel}の評価は受付中ではありません。` });
  const seriesById = new Map(ctx.measures.flatMap((m) => m.series.map((s) => [s.id, { measure: m, series: s }] as const)));
  const seen = new Set<string>();
  for (const c of input.changes) {
    const at = (message: string) => issues.push({ sheet: SHEET_VALUES, row: c.row, column: null, message });
    const found = seriesById.get(c.seriesId);
    if (!found || found.measure.id !== c.measureId) {
      at("指標または区分が見つかりません。");
      continue;
    }
    const { measure, series } = found;
    if (seen.has(series.id)) at(`No ${measure.number}「${series.label}」が重複しています。`);
    seen.add(series.id);
    if (!can(actor, "import.values", { organizationId: ctx.organizationId, ownerUnitIds: measure.ownerUnitIds })) at(`No ${measure.number}「${measure.name}」は担当外の指標のため、値を変更できません。`);
    else if (measure.entryState === "submitted") at(`No ${measure.number} の${yearLabel}のシートは提出済みのため、企画担当が差し戻すまで変更できません。`);
    else if (!sameCell(series.current, c.before) || (series.current === null) !== (c.before === null)) {
      at(`確認のあとで No ${measure.number}「${series.label}」の値が変更されました。もう一度ファイルを取り込んで確認してください。`);
    }
  }
  if (issues.length) throw new Refusal(issues.map(formatIssue));

  const byMeasure = new Map<string, ConfirmedChange[]>();
  for (const c of input.changes) byMeasure.set(c.measureId, [...(byMeasure.get(c.measureId) ?? []), c]);
  const sheets: { measureId: string; number: string; name: string }[] = [];
  for (const [measureId, changes] of byMeasure) {
    const measure = ctx.measures.find((m) => m.id === measureId)!;
    const where = { measureId_evaluationYear: { measureId, evaluationYear: input.evaluationYear } };
    const entry = await tx.sheetEntry.findUnique({ where, include: { draftValues: true } });
    let entryId: string;
    if (entry) {
      // the version in the WHERE makes the check and the write one step
      const updated = await tx.sheetEntry.updateMany({
        where: { id: entry.id, version: entry.version, state: { not: "submitted" } },
        data: { state: "draft", version: { increment: 1 }, updatedById: actor.id, returnReason: null, submittedAt: null },
      });
      if (updated.count === 0) throw new Refusal([`No ${measure.number} のシートが同時に更新されました。もう一度ファイルを取り込んでください。`]);
      entryId = entry.id;
    } else {
      entryId = (await tx.sheetEntry.create({ data: { measureId, evaluationYear: input.evaluationYear, state: "draft", version: 1, updatedById: actor.id } })).id;
    }
    for (const c of changes) {
      await tx.sheetEntryValue.upsert({
        where: { sheetEntryId_seriesId_fiscalYear: { sheetEntryId: entryId, seriesId: c.seriesId, fiscalYear: input.evaluationYear } },
        create: { sheetEntryId: entryId, seriesId: c.seriesId, fiscalYear: input.evaluationYear, value: c.after.value, text: c.after.text },
        update: { value: c.after.value, text: c.after.text },
      });
    }
    const after = await tx.sheetEntry.findUniqueOrThrow({ where: { id: entryId }, include: { draftValues: true } });
    const values = (e: typeof after | null) => e?.draftValues.map((v) => ({ seriesId: v.seriesId, fiscalYear: v.fiscalYear, value: str(v.value), text: v.text })) ?? [];
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      userId: actor.id,
      action: "sheet.import",
      entityType: "SheetEntry",
      entityId: entryId,
      before: entry ? { state: entry.state, version: entry.version, values: values(entry) } : null,
      after: {
        state: after.state,
        version: after.version,
        values: values(after),
        measureId,
        evaluationYear: input.evaluationYear,
        source: "excel",
        changes: changes.map((c) => ({ seriesId: c.seriesId, label: measure.series.find((s) => s.id === c.seriesId)?.label ?? null, row: c.row, before: c.before, after: c.after })),
      },
    });
    sheets.push({ measureId, number: measure.number, name: measure.name });
  }
  return { ok: true, values: input.changes.length, sheets };
}
