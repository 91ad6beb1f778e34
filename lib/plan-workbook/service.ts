// The plan workbook against the database: download (the plan's current definitions, or the empty template),
// preview (read and check the whole file, write nothing, sign what would change) and apply (ONE transaction:
// every previewed KPI must still be as it was, then saveMeasureDefinitionTx / setMeasureRetiredTx for each
// change with the actor's channel "workbook"; any refusal rolls everything back and is reported at its row).
// Each step authorises with plan.manage through the set-up lib.
import type { PrismaClient } from "../generated/prisma/client";
import type { Actor } from "../authz/permissions";
import { inTransaction, type Tx } from "../actions/transaction";
import { Refusal, refuse } from "../actions/refusal";
import { getMeasureDefinitions, loadPlanForSetup, saveMeasureDefinitionTx, setMeasureRetiredTx } from "../setup/measures";
import { measureDefinitionSchema } from "../setup/measure-schema";
import { buildDefinitionWorkbook, definitionWorkbookFileName, type WorkbookData } from "./build";
import { checkAgainstPlan, type FieldChange, type PlanContext } from "./check";
import { formatIssue, locate, readDefinitionWorkbook, type Issue } from "./read";
import { openWorkbook } from "../excel/import";
import { SHEET_MEASURES } from "./layout";
import { signWorkbookToken, stateDigest, verifyWorkbookToken, MAX_TOKEN_LENGTH, type TokenChange } from "./token";
import { PLAN_STATUS_LABELS } from "../plans/setup";

export type PlanRef = { organizationCode: string; planSlug: string };
type Db = PrismaClient | Tx;

export const NOT_XLSX = "Excel ファイル（.xlsx）として読み込めませんでした。この計画の設定ページからダウンロードした .xlsx ファイルを使ってください（.xls や .csv は読み込めません）。";

/** The plan by its codes, among the actor's organisations, with plan.manage (else not_found / forbidden). */
export async function findPlanForWorkbook(db: Db, actor: Actor, ref: PlanRef) {
  const found = await db.plan.findFirst({
    where: { slug: ref.planSlug, organization: { code: ref.organizationCode }, organizationId: { in: actor.memberships.map((m) => m.organizationId) } },
    select: { id: true, organization: { select: { code: true, name: true } } },
  });
  if (!found) refuse("not_found", "計画が見つかりません。");
  const plan = await loadPlanForSetup(db as Tx, actor, found.id);
  return { ...plan, organization: found.organization };
}

async function planContext(db: Db, plan: { id: string; organizationId: string; status: PlanContext["status"] }): Promise<PlanContext> {
  const [sections, units, current, used] = await Promise.all([
    db.planSection.findMany({ where: { planId: plan.id }, select: { key: true } }),
    db.orgUnit.findMany({ where: { organizationId: plan.organizationId }, select: { name: true, retiredAt: true, parent: { select: { name: true } } } }),
    getMeasureDefinitions(db, plan.id, { includeRetired: true }),
    db.valueSeries.findMany({
      where: { measure: { planId: plan.id }, OR: [{ values: { some: { kind: { not: "target" } } } }, { draftValues: { some: {} } }] },
      select: { label: true, measureId: true },
    }),
  ]);
  return {
    status: plan.status,
    sectionKeys: sections.map((s) => s.key),
    units: units.map((u) => ({ name: u.name, parentName: u.parent?.name ?? null, retired: u.retiredAt !== null })),
    current: current.map((m) => ({ retired: m.retired, definition: m.definition, seriesWithActuals: used.filter((u) => u.measureId === m.id).map((u) => u.label) })),
  };
}

/** The workbook of the plan as it is now (a plan without KPIs: the empty template). */
export async function downloadDefinitionWorkbook(db: PrismaClient, actor: Actor, ref: PlanRef, now = new Date()) {
  const plan = await findPlanForWorkbook(db, actor, ref);
  const [sections, departments, measures] = await Promise.all([
    db.planSection.findMany({ where: { planId: plan.id }, orderBy: { sortOrder: "asc" }, select: { key: true, label: true, title: true, parent: { select: { key: true } } } }),
    db.orgUnit.findMany({
      where: { organizationId: plan.organizationId, parentId: null, retiredAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { name: true, children: { where: { retiredAt: null }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true } } },
    }),
    getMeasureDefinitions(db, plan.id, { includeRetired: true }),
  ]);
  const data: WorkbookData = {
    organization: plan.organization,
    plan: { slug: plan.slug, name: plan.name, startYear: plan.startYear, endYear: plan.endYear, statusLabel: PLAN_STATUS_LABELS[plan.status] },
    sections: sections.map((s) => ({ key: s.key, label: s.label, title: s.title, parentKey: s.parent?.key ?? null })),
    departments: departments.map((d) => ({ name: d.name, divisions: d.children.map((c) => c.name) })),
    measures: measures.map((m) => ({ retired: m.retired, definition: m.definition })),
    generatedAt: now,
  };
  const buffer = new Uint8Array((await buildDefinitionWorkbook(data).xlsx.writeBuffer()) as ArrayBuffer);
  return { buffer, fileName: definitionWorkbookFileName(data), asciiFileName: `kpi-${plan.organization.code}-${plan.slug}-setup.xlsx` };
}

export type PreviewChange = { number: string; name: string; row: number; created: boolean; definitionChanged: boolean; retire: "retire" | "restore" | null; fields: FieldChange[]; reason: string | null };
export type WorkbookPreview = { changes: PreviewChange[]; unchanged: number; notInFile: { number: string; name: string }[]; token: string | null };

/** Refused with every problem listed (detail.errors), nothing written. */
function refuseIssues(message: string, issues: Issue[] | string[]): never {
  throw new Refusal("invalid", message, undefined, { errors: issues.map((i) => (typeof i === "string" ? i : formatIssue(i))) });
}
export const PREVIEW_REFUSED = "ファイルを反映できません。次の点を直して、もう一度アップロードしてください（何も変更していません）。";
export const APPLY_REFUSED = "反映できませんでした。次の点を直して、もう一度アップロードしてください（何も変更していません）。";

/** Reads and checks the whole workbook; writes nothing. */
export async function previewDefinitionWorkbook(db: PrismaClient, actor: Actor, input: PlanRef & { bytes: Uint8Array }, secret: string): Promise<WorkbookPreview> {
  const plan = await findPlanForWorkbook(db, actor, input);
  const opened = await openWorkbook(input.bytes);
  if (!opened.ok) refuseIssues(PREVIEW_REFUSED, [opened.reason === "too_large" ? opened.message : NOT_XLSX]);
  const wb = opened.workbook;
  const read = readDefinitionWorkbook(wb, { organizationCode: plan.organization.code, planSlug: plan.slug, planName: plan.name });
  const ctx = await planContext(db, plan);
  const checked = checkAgainstPlan(read.kpis, read.years, ctx);
  const issues = [...read.issues, ...checked.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (issues.length) refuseIssues(PREVIEW_REFUSED, issues);
  const { changes, unchanged, notInFile } = checked.plan;
  const byNumber = new Map(ctx.current.map((m) => [m.definition.number, m]));
  const written = read.kpis[0]?.at.written ?? new Map<string, string>();
  const at = new Map(read.kpis.map((k) => [k.at.firstRow, k.at]));
  const token = changes.length
    ? signWorkbookToken(
        {
          userId: actor.id,
          organizationCode: plan.organization.code,
          planSlug: plan.slug,
          written: [...written.entries()],
          changes: changes.map((c): TokenChange => {
            const current = c.currentNumber ? byNumber.get(c.currentNumber)! : null;
            return {
              currentNumber: c.currentNumber,
              number: c.number,
              name: c.name,
              row: c.row,
              definition: c.definition,
              definitionChanged: c.definitionChanged,
              retire: c.retire,
              reason: c.reason,
              before: stateDigest(current && { retired: current.retired, definition: current.definition }),
              seriesRows: at.get(c.row)?.seriesRows ?? [],
              yearlyHeaders: at.get(c.row)?.yearlyHeaders ?? [],
            };
          }),
        },
        secret,
      )
    : null;
  if (token && token.length > MAX_TOKEN_LENGTH) refuseIssues(PREVIEW_REFUSED, ["変更が多すぎて1回で反映できません。ファイルを分けて（指標の行を減らして）アップロードしてください。"]);
  return {
    changes: changes.map((c) => ({ number: c.number, name: c.name, row: c.row, created: c.currentNumber === null, definitionChanged: c.definitionChanged, retire: c.retire, fields: c.fields, reason: c.reason })),
    unchanged,
    notInFile,
    token,
  };
}

export type ApplyResult = { created: string[]; updated: string[]; retired: string[]; restored: string[] };

/** Applies the previewed changes in one transaction, all or nothing. */
export async function applyDefinitionWorkbook(db: PrismaClient, actor: Actor, input: PlanRef & { token: string }, secret: string): Promise<ApplyResult> {
  const verified = verifyWorkbookToken(input.token, secret);
  if (!verified.ok) refuse("invalid", verified.reason === "expired" ? "確認してから時間がたちすぎました。もう一度ファイルをアップロードしてください。" : "確認の内容を読み取れませんでした。もう一度ファイルをアップロードしてください。");
  const p = verified.payload;
  if (p.userId !== actor.id || p.organizationCode !== input.organizationCode || p.planSlug !== input.planSlug) {
    refuse("invalid", "確認の内容がこの計画のものではありません。もう一度ファイルをアップロードしてください。");
  }
  const workbookActor: Actor = { ...actor, via: { channel: "workbook" } };
  const written = new Map(p.written);
  return inTransaction(
    db,
    async (tx) => {
      const plan = await findPlanForWorkbook(tx, workbookActor, input);
      const current = new Map((await getMeasureDefinitions(tx, plan.id, { includeRetired: true })).map((m) => [m.definition.number, m]));
      const stale = p.changes.filter((c) => {
        // a KPI to create must still be absent; one to change must be exactly as previewed
        const now = current.get(c.currentNumber ?? c.number);
        return stateDigest(now ? { retired: now.retired, definition: now.definition } : null) !== c.before;
      });
      if (stale.length) {
        refuseIssues(
          "確認のあとで計画の指標が変更されたため、反映しませんでした。もう一度ファイルをダウンロードするか、アップロードし直して確認してください（何も変更していません）。",
          stale.map((c) => ({ sheet: SHEET_MEASURES, row: c.row, column: null, message: `No「${c.number}」は確認のあとで変更されました` })),
        );
      }
      const result: ApplyResult = { created: [], updated: [], retired: [], restored: [] };
      for (const c of p.changes) {
        const at = { firstRow: c.row, seriesRows: c.seriesRows, yearlyHeaders: c.yearlyHeaders, written };
        try {
          if (c.definitionChanged) {
            const definition = measureDefinitionSchema.parse(c.definition);
            const saved = await saveMeasureDefinitionTx(tx, workbookActor, { planId: plan.id, currentNumber: c.currentNumber, definition, reason: c.reason });
            if (saved.changed) (saved.created ? result.created : result.updated).push(c.number);
          }
          if (c.retire) {
            const done = await setMeasureRetiredTx(tx, workbookActor, { planId: plan.id, number: c.number, retired: c.retire === "retire", reason: c.reason });
            if (done.changed) (c.retire === "retire" ? result.retired : result.restored).push(c.number);
          }
        } catch (e) {
          if (!(e instanceof Refusal) || e.code === "forbidden" || e.code === "conflict") throw e;
          // a refusal of the lib names fields (owners.0.department, reason …): the row and column they came from
          const fields = Object.entries(e.fieldErrors ?? {});
          const issues: Issue[] = fields.length
            ? fields.map(([key, message]) => ({ sheet: SHEET_MEASURES, ...locate(at, key.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k))), message }))
            : [{ sheet: SHEET_MEASURES, row: c.row, column: null, message: e.message }];
          refuseIssues(APPLY_REFUSED, issues);
        }
      }
      return result;
    },
    { timeout: 120_000 },
  );
}
