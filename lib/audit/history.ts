import "server-only";
import { db } from "../db";
import { cachedData } from "../cache";
import { describeDefinitionChange } from "./definition-changes";
import type { CanonicalMeasure } from "../setup/definition";
import { actionLabel } from "./labels";
import { auditValueChanges, narrativeChanges, type ValueChange } from "../sheets/sheet-changes";

import { CHANNEL_LABELS } from "./channels";

type Narr = { effortStatus?: string | null; issues?: string | null; direction?: string | null };
type Cells = { seriesId: string; fiscalYear?: number; value: string | null; text: string | null }[];
type SheetAudit = Narr & { state?: string; published?: Narr; reason?: string; evaluationYear?: number; values?: Cells; actuals?: Cells };

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
    const channel = l.channel ? (CHANNEL_LABELS[l.channel] ?? l.channel) : CHANNEL_LABELS.form;
    return [
      {
        id: l.id,
        action: actionLabel(l.action),
        at: l.createdAt,
        by: staff ? `${l.user?.name ?? "（システム）"}（${channel}${l.apiTokenName ? `：${l.apiTokenName}` : ""}）` : "企画担当",
        evaluationYear: null,
        reason: l.reason,
        changes: [],
        values: [] as ValueChange[],
        lines,
      },
    ];
  });
}

async function loadSheetHistory(measureId: string, includeDrafts: boolean) {
  const [entries, series] = await Promise.all([
    db().sheetEntry.findMany({ where: { measureId }, select: { id: true, evaluationYear: true } }),
    // the series' names and units, to say which value changed (the audit record keeps only the series' id)
    db().valueSeries.findMany({ where: { measureId }, orderBy: { sortOrder: "asc" }, select: { id: true, label: true, unit: true } }),
  ]);
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
    const evaluationYear = yearOf.get(l.entityId) ?? null;
    return {
      id: l.id,
      action: actionLabel(l.action),
      at: l.createdAt,
      // the public is told the role, not the person (staff who may see drafts see the name)
      by: includeDrafts ? (l.user?.name ?? "（システム）") : "企画担当",
      evaluationYear,
      reason: after.reason ?? null,
      lines: [] as string[],
      // what the record holds: the published actuals before → after (approval), the draft values (saves, imports)
      values: auditValueChanges(l.action, series, l.before as SheetAudit | null, l.after as SheetAudit | null, after.evaluationYear ?? evaluationYear),
      // line breaks at the ends are not changes (the seed's YAML ends a block with one, the form trims)
      changes: l.action === "sheet.return" ? [] : narrativeChanges(pick(before), pick(after)),
    };
  });
}
