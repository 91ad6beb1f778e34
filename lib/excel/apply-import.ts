// The database side of the Excel import: the plan's current values, narratives and sheet versions as the parser's
// context, the preview (parse and check everything, write nothing), and applying the confirmed changes in ONE
// transaction as drafts of the owning departments' sheets (channel "workbook"), with one audit record per changed
// sheet. Both steps check the acting user's rights against the permission table themselves; applying needs a choice
// for every stale row and refuses any sheet whose version moved since the preview (optimistic lock).
import type { PrismaClient } from "../generated/prisma/client";
import { can, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import type { StoredCell } from "./cells";
import { formatIssue, openWorkbook, parseImport, rowKey, type ImportChange, type ImportContext, type ImportIssue, type Narratives } from "./import";
import type { NarrativeField } from "./layout";
import type { NotImported } from "./not-imported";
import { loadExportData } from "./export";
import { inTransaction, type Tx } from "../actions/transaction";
import { Refusal } from "../actions/refusal";
import { draftSnapshot, writeSheetDraft } from "../sheets/draft-write";
import { fiscalYearWithWestern } from "../fiscal-year";


export type PlanYearRef = { organizationCode: string; planSlug: string; evaluationYear: number };

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

/** May the actor import anything into this organisation (an officer with units, or an admin)? */
export function mayImport(actor: Actor, organizationId: string): boolean {
  return actor.memberships.some((m) => m.organizationId === organizationId && can(actor, "import.values", { organizationId, ownerUnitIds: m.unitIds }));
}

/** Each series' current value for the year (the sheet's draft when there is one, else the published actual) and
 *  the published one; each sheet's version and narratives. */
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
      entries: {
        where: { evaluationYear: year },
        select: {
          state: true,
          version: true,
          effortStatus: true,
          issues: true,
          direction: true,
          publishedEffortStatus: true,
          publishedIssues: true,
          publishedDirection: true,
          draftValues: { where: { fiscalYear: year }, select: { seriesId: true, value: true, text: true } },
        },
      },
    },
  });
  const stored = (c: { value: { toString(): string } | null; text: string | null } | undefined) => (c ? { value: str(c.value), text: c.text } : null);
  return {
    organizationId: plan.organizationId,
    organizationCode: plan.organization.code,
    planSlug: plan.slug,
    planName: plan.name,
    evaluationYear: year,
    evaluationYearOpen: plan.evaluationYears[0]?.status === "open",
    reference: null,
    measures: measures.map((m) => {
      const entry = m.entries[0] ?? null;
      return {
        id: m.id,
        number: m.number,
        name: m.name,
        ownerUnitIds: m.owners.map((o) => o.unitId),
        entryState: entry?.state ?? null,
        version: entry?.version ?? 0,
        narratives: {
          current: { effortStatus: entry?.effortStatus ?? null, issues: entry?.issues ?? null, direction: entry?.direction ?? null },
          published: { effortStatus: entry?.publishedEffortStatus ?? null, issues: entry?.publishedIssues ?? null, direction: entry?.publishedDirection ?? null },
        },
        series: m.series.map((s) => {
          const published = stored(s.values[0]);
          return { id: s.id, label: s.label, unit: s.unit, current: stored(entry?.draftValues.find((d) => d.seriesId === s.id)) ?? published, published };
        }),
      };
    }),
  };
}

export type PreviewResult = { ok: false; errors: string[] } | { ok: true; changes: ImportChange[]; notImported: NotImported[] };

const FORBIDDEN = "この計画の値を取り込む権限がありません。担当課の職員または企画担当がサインインして取り込んでください。";

/** Reads and checks the whole workbook; writes nothing. Other cells are compared with the plan as `reader` would export it. */
export async function previewExcelImport(prisma: PrismaClient, actor: Actor, input: PlanYearRef & { bytes: Uint8Array }): Promise<PreviewResult> {
  const ctx = await loadImportContext(prisma, input);
  if (!ctx) return { ok: false, errors: ["計画が見つかりません。"] };
  if (!mayImport(actor, ctx.organizationId)) return { ok: false, errors: [FORBIDDEN] };
  const opened = await openWorkbook(input.bytes);
  if (!opened.ok) return { ok: false, errors: [opened.reason === "too_large" ? opened.message : "Excel ファイル（.xlsx）として読み込めませんでした。このサイトから書き出した .xlsx ファイルを使ってください。"] };
  const reference = await loadExportData(prisma, { organizationCode: input.organizationCode, planSlug: input.planSlug, reader: actor });
  const { issues, changes, notImported } = parseImport(opened.workbook, { ...ctx, reference: "notFound" in reference ? null : reference }, actor);
  return issues.length ? { ok: false, errors: issues.map(formatIssue) } : { ok: true, changes, notImported };
}

type Cell = StoredCell | null;
export type ConfirmedChange =
  | { kind: "value"; measureId: string; sheet: string; row: number; version: number; stale: boolean; seriesId: string; before: Cell; after: StoredCell }
  | { kind: "narrative"; measureId: string; sheet: string; row: number; version: number; stale: boolean; field: NarrativeField; before: string | null; after: string | null };
/** For each stale row (rowKey): keep what the sheet holds now, or take the file's. */
export type StaleChoices = Record<string, "keep" | "file">;

export type ApplyResult =
  | { ok: true; values: number; narratives: number; kept: number; sheets: { measureId: string; number: string; name: string }[] }
  | { ok: false; errors: string[]; missingChoices?: string[] };

/** A refusal inside the transaction (which rolls it back): the one Refusal, its detail listing every problem. */
function refuseAll(errors: string[]): never {
  throw new Refusal("invalid", errors[0], undefined, { errors });
}

/** Applies confirmed changes as drafts, all or nothing: every stale row needs a choice; every sheet must still be at
 *  the version the preview saw (optimistic lock), so a change made between preview and confirmation is refused. */
export async function applyExcelImport(prisma: PrismaClient, actor: Actor, input: PlanYearRef & { changes: ConfirmedChange[]; choices?: StaleChoices }): Promise<ApplyResult> {
  const missing = [...new Set(input.changes.filter((c) => c.stale && !input.choices?.[rowKey(c)]).map(rowKey))];
  if (missing.length) {
    return { ok: false, errors: missing.map((k) => `${k.replace("!", "』の").replace(/^/, "シート『")}行目：書き出し後に更新されています。「現在の内容を残す」か「ファイルの内容にする」を選んでください。`), missingChoices: missing };
  }
  const kept = input.changes.filter((c) => c.stale && input.choices?.[rowKey(c)] === "keep");
  const changes = input.changes.filter((c) => !kept.includes(c));
  if (changes.length === 0) return { ok: true, values: 0, narratives: 0, kept: kept.length, sheets: [] };
  try {
    const result = await inTransaction(prisma, (tx) => applyInTransaction(tx, { ...actor, via: { channel: "workbook" } }, { ...input, changes }), { timeout: 60_000 });
    return { ...result, kept: kept.length };
  } catch (e) {
    if (e instanceof Refusal && e.code === "invalid") return { ok: false, errors: (e.detail as { errors?: string[] } | undefined)?.errors ?? [e.message] };
    // the serializable transaction's retries ran out (lib/actions/transaction.ts)
    if (e instanceof Refusal) return { ok: false, errors: ["同時に他の保存があったため取り込めませんでした。もう一度ファイルを取り込んでください。"] };
    throw e;
  }
}

async function applyInTransaction(tx: Tx, actor: Actor, input: PlanYearRef & { changes: ConfirmedChange[] }) {
  const ctx = await loadImportContext(tx, input);
  if (!ctx) refuseAll(["計画が見つかりません。"]);
  if (!mayImport(actor, ctx.organizationId)) refuseAll([FORBIDDEN]);
  const yearLabel = fiscalYearWithWestern(input.evaluationYear);
  const issues: ImportIssue[] = [];
  if (!ctx.evaluationYearOpen) issues.push({ sheet: null, row: null, column: null, message: `${yearLabel}の評価は受付中ではありません。` });
  const measures = new Map(ctx.measures.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const lockChecked = new Set<string>();
  for (const c of input.changes) {
    const at = (message: string) => issues.push({ sheet: c.sheet, row: c.row, column: null, message });
    const measure = measures.get(c.measureId);
    if (!measure || (c.kind === "value" && !measure.series.some((s) => s.id === c.seriesId))) {
      at("指標または区分が見つかりません。");
      continue;
    }
    const what = c.kind === "value" ? `value/${c.seriesId}` : `narrative/${c.measureId}/${c.field}`;
    if (seen.has(what)) at(`No ${measure.number} の同じ項目が重複しています。`);
    seen.add(what);
    if (!can(actor, "import.values", { organizationId: ctx.organizationId, ownerUnitIds: measure.ownerUnitIds })) at(`No ${measure.number}「${measure.name}」は担当外の指標のため、変更できません。`);
    else if (measure.entryState === "submitted") at(`No ${measure.number} の${yearLabel}のシートは提出済みのため、企画担当が差し戻すまで変更できません。`);
    else if (measure.version !== c.version && !lockChecked.has(measure.id)) {
      lockChecked.add(measure.id);
      at(`確認のあとで No ${measure.number}「${measure.name}」のシートが更新されました（版 ${c.version} → ${measure.version}）。上書きしていません。もう一度ファイルを取り込んで確認してください。`);
    }
  }
  if (issues.length) refuseAll(issues.map(formatIssue));

  const byMeasure = new Map<string, ConfirmedChange[]>();
  for (const c of input.changes) byMeasure.set(c.measureId, [...(byMeasure.get(c.measureId) ?? []), c]);
  const sheets: { measureId: string; number: string; name: string }[] = [];
  for (const [measureId, changes] of byMeasure) {
    const measure = measures.get(measureId)!;
    const where = { measureId_evaluationYear: { measureId, evaluationYear: input.evaluationYear } };
    const entry = await tx.sheetEntry.findUnique({ where, include: { draftValues: true } });
    const narratives: Partial<Narratives> = {};
    for (const c of changes) if (c.kind === "narrative") narratives[c.field] = c.after;
    const entryId = await writeSheetDraft(tx, {
      measureId,
      evaluationYear: input.evaluationYear,
      entry,
      expectedVersion: changes[0].version,
      fields: { ...narratives, state: "draft", updatedById: actor.id, updatedVia: "workbook", submittedAt: null },
      values: changes.flatMap((c) => (c.kind === "value" ? [{ seriesId: c.seriesId, ...c.after }] : [])),
      onStale: () => refuseAll([`No ${measure.number} のシートが同時に更新されました。上書きしていません。もう一度ファイルを取り込んでください。`]),
    });
    const after = await tx.sheetEntry.findUniqueOrThrow({ where: { id: entryId }, include: { draftValues: true } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      userId: actor.id,
      action: "sheet.import",
      entityType: "SheetEntry",
      entityId: entryId,
      before: draftSnapshot(entry),
      after: {
        ...draftSnapshot(after),
        measureId,
        evaluationYear: input.evaluationYear,
        source: "excel",
        changes: changes.map((c) =>
          c.kind === "value"
            ? { sheet: c.sheet, row: c.row, seriesId: c.seriesId, label: measure.series.find((s) => s.id === c.seriesId)?.label ?? null, before: c.before, after: c.after, stale: c.stale }
            : { sheet: c.sheet, row: c.row, field: c.field, before: c.before, after: c.after, stale: c.stale },
        ),
      },
      via: actor.via,
    });
    sheets.push({ measureId, number: measure.number, name: measure.name });
  }
  const values = input.changes.filter((c) => c.kind === "value").length;
  return { ok: true as const, values, narratives: input.changes.length - values, sheets };
}
