import "server-only";
import { db } from "../db";
import { cachedData } from "../cache";
import { describeDefinitionChange } from "./definition-changes";
import type { CanonicalMeasure } from "../setup/definition";

export const ACTION_LABELS: Record<string, string> = {
  "sheet.saveDraft": "下書き保存",
  "sheet.submit": "提出",
  "sheet.approve": "承認・公開",
  "sheet.return": "差し戻し",
  "rating.set": "公式評価の設定",
  "sheet.import": "Excel 取り込み",
  "measure.create": "指標の追加",
  "measure.update": "指標の設定の変更",
  "measure.retire": "指標の廃止",
  "measure.restore": "指標の復活",
};
import { CHANNEL_LABELS } from "./channels";

type Narr = { effortStatus?: string | null; issues?: string | null; direction?: string | null };
type SheetAudit = Narr & { state?: string; published?: Narr; reason?: string; evaluationYear?: number };

/**
 * The change history of a measure's sheets, newest first. Readers who may not see drafts get only the
 * publications (approve events), comparing what was published before with what was published after.
 */
export async function getSheetHistory(measureId: string, includeDrafts: boolean, options: { staff?: boolean } = {}) {
  if (includeDrafts || options.staff) {
    const [sheets, definitions] = await Promise.all([loadSheetHistory(measureId, includeDrafts), loadDefinitionHistory(measureId, true)]);
    return newestFirst([...sheets, ...definitions]);
  }
  // the public history (publications, changed targets) is the same for every reader: cached, dates revived from JSON
  const items = await publicHistory(measureId);
  return items.map((h) => ({ ...h, at: new Date(h.at) }));
}

export type HistoryItem = Awaited<ReturnType<typeof loadSheetHistory>>[number];
const newestFirst = (items: HistoryItem[]) => items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 50);

const publicHistory = cachedData("public-history", async (measureId: string) =>
  newestFirst([...(await loadSheetHistory(measureId, false)), ...(await loadDefinitionHistory(measureId, false))]),
);

type DefinitionAudit = Partial<CanonicalMeasure> & { planStatus?: string; retiredAt?: string | null };

/**
 * Changes of the KPI's definition. The public sees a changed baseline or target of a plan in force (運用中) with
 * its reason, and a retirement; staff see every change, with the person and the channel.
 */
async function loadDefinitionHistory(measureId: string, staff: boolean): Promise<HistoryItem[]> {
  const logs = await db().auditLog.findMany({
    where: { entityType: "Measure", entityId: measureId, action: { in: staff ? ["measure.create", "measure.update", "measure.retire", "measure.restore"] : ["measure.update", "measure.retire", "measure.restore"] } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, action: true, createdAt: true, before: true, after: true, reason: true, channel: true, apiTokenName: true, user: { select: { name: true } } },
  });
  return logs.flatMap((l) => {
    const before = (l.before ?? {}) as DefinitionAudit;
    const after = (l.after ?? {}) as DefinitionAudit;
    let lines: string[] = [];
    if (l.action === "measure.update" && before.series && after.series) {
      const changes = describeDefinitionChange(before as CanonicalMeasure, after as CanonicalMeasure);
      // a plan in force: said in the record; older records without it are public when a reason was given
      const inForce = after.planStatus ? after.planStatus === "active" : l.reason !== null;
      if (!staff && (!inForce || changes.commitments.length === 0)) return [];
      lines = staff ? [...changes.commitments, ...changes.other] : changes.commitments;
    }
    const channel = l.channel ? (CHANNEL_LABELS[l.channel] ?? l.channel) : "フォーム";
    return [
      {
        id: l.id,
        action: ACTION_LABELS[l.action] ?? l.action,
        at: l.createdAt,
        by: staff ? `${l.user?.name ?? "（システム）"}（${channel}${l.apiTokenName ? `：${l.apiTokenName}` : ""}）` : "企画担当",
        evaluationYear: null,
        reason: l.reason,
        changes: [],
        lines,
      },
    ];
  });
}

async function loadSheetHistory(measureId: string, includeDrafts: boolean) {
  const entries = await db().sheetEntry.findMany({ where: { measureId }, select: { id: true, evaluationYear: true } });
  const logs = await db().auditLog.findMany({
    where: { entityType: "SheetEntry", entityId: { in: entries.map((e) => e.id) }, ...(includeDrafts ? {} : { action: "sheet.approve" }) },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, action: true, createdAt: true, entityId: true, before: true, after: true, user: { select: { name: true } } },
  });
  const yearOf = new Map(entries.map((e) => [e.id, e.evaluationYear]));
  return logs.map((l) => {
    const before = (l.before ?? {}) as SheetAudit;
    const after = (l.after ?? {}) as SheetAudit;
    const pick = (s: SheetAudit) => (l.action === "sheet.approve" ? (s.published ?? {}) : s);
    const b = pick(before);
    const a = pick(after);
    return {
      id: l.id,
      action: ACTION_LABELS[l.action] ?? l.action,
      at: l.createdAt,
      // the public is told the role, not the person (staff who may see drafts see the name)
      by: includeDrafts ? (l.user?.name ?? "（システム）") : "企画担当",
      evaluationYear: yearOf.get(l.entityId) ?? null,
      reason: after.reason ?? null,
      lines: [] as string[],
      changes: (["effortStatus", "issues", "direction"] as const)
        .map((field) => ({ field, before: (b[field] ?? "").trim(), after: (a[field] ?? "").trim() }))
        // line breaks at the ends are not changes (the seed's YAML ends a block with one, the form trims)
        .filter((c) => c.before.trim() !== c.after.trim() && l.action !== "sheet.return"),
    };
  });
}
