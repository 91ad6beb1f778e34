import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
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
  if (includeDrafts || options.staff) return loadHistory(measureId, includeDrafts, options.staff ?? false);
  // the public history (publications, changed targets) is the same for every reader: cached, dates revived from JSON
  const items = await publicHistory(measureId);
  return items.map((h) => ({ ...h, at: new Date(h.at) }));
}

export type HistoryItem = ReturnType<typeof sheetItem>;
const newestFirst = (items: HistoryItem[]) => items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 50);

const publicHistory = cachedData("public-history", (measureId: string) => loadHistory(measureId, false, false));

type DefinitionAudit = Partial<CanonicalMeasure> & { planStatus?: string; retiredAt?: string | null };
type SeriesRef = { id: string; label: string; unit: string | null };
type AuditRow = {
  id: string;
  action: string;
  createdAt: Date;
  entityType: "SheetEntry" | "Measure";
  before: unknown;
  after: unknown;
  reason: string | null;
  channel: string | null;
  apiTokenName: string | null;
  userName: string | null;
  /** the sheet's evaluation year, and the KPI's series (the same on every sheet record: computed once) */
  evaluationYear: number | null;
  series: SeriesRef[] | null;
};

/** One statement whatever the number of sheets and records: the sheets' records and the KPI's definition records (the
 *  newest 50 of each, as the page shows at most 50); a sheet's record comes with the KPI's series (names and units), to
 *  say which value changed (a record keeps only the series' id). */
async function loadHistory(measureId: string, includeDrafts: boolean, staff: boolean): Promise<HistoryItem[]> {
  const definitionActions = staff ? ["measure.create", "measure.update", "measure.retire", "measure.restore"] : ["measure.update", "measure.retire", "measure.restore"];
  const columns = Prisma.sql`a.id, a.action, a."createdAt", a."entityType", a.before, a.after, a.reason, a.channel::text AS channel, a."apiTokenName", u.name AS "userName"`;
  const logs = await db().$queryRaw<AuditRow[]>`
    (SELECT ${columns}, e."evaluationYear",
        (SELECT coalesce(json_agg(json_build_object('id', s.id, 'label', s.label, 'unit', s.unit) ORDER BY s."sortOrder"), '[]'::json)
          FROM "ValueSeries" s WHERE s."measureId" = ${measureId}) AS series
      FROM "AuditLog" a JOIN "SheetEntry" e ON e.id = a."entityId" LEFT JOIN "User" u ON u.id = a."userId"
      WHERE a."entityType" = 'SheetEntry' AND e."measureId" = ${measureId} ${includeDrafts ? Prisma.empty : Prisma.sql`AND a.action = 'sheet.approve'`}
      ORDER BY a."createdAt" DESC LIMIT 50)
    UNION ALL
    (SELECT ${columns}, NULL::int AS "evaluationYear", NULL::json AS series
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."userId"
      WHERE a."entityType" = 'Measure' AND a."entityId" = ${measureId} AND a.action IN (${Prisma.join(definitionActions)})
      ORDER BY a."createdAt" DESC LIMIT 50)`;
  const series = logs.find((l) => l.series)?.series ?? [];
  return newestFirst(logs.flatMap((l) => (l.entityType === "SheetEntry" ? [sheetItem(l, series, includeDrafts)] : definitionItem(l, staff))));
}

/**
 * A change of the KPI's definition. The public sees a changed baseline or target of a plan in force (運用中) with
 * its reason, and a retirement; staff see every change, with the person and the channel.
 */
function definitionItem(l: AuditRow, staff: boolean): HistoryItem[] {
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
      by: staff ? `${l.userName ?? "（システム）"}（${channel}${l.apiTokenName ? `：${l.apiTokenName}` : ""}）` : "企画担当",
      evaluationYear: null,
      reason: l.reason,
      changes: [],
      values: [] as ValueChange[],
      lines,
    },
  ];
}

/** A record of a sheet: a save, a submission, a return, an approval. */
function sheetItem(l: AuditRow, series: SeriesRef[], includeDrafts: boolean) {
  const before = (l.before ?? {}) as SheetAudit;
  const after = (l.after ?? {}) as SheetAudit;
  const pick = (s: SheetAudit) => (l.action === "sheet.approve" ? (s.published ?? {}) : s);
  return {
    id: l.id,
    action: actionLabel(l.action),
    at: l.createdAt,
    // the public is told the role, not the person (staff who may see drafts see the name)
    by: includeDrafts ? (l.userName ?? "（システム）") : "企画担当",
    evaluationYear: l.evaluationYear as number | null,
    reason: after.reason ?? null,
    lines: [] as string[],
    // what the record holds: the published actuals before → after (approval), the draft values (saves, imports)
    values: auditValueChanges(l.action, series, l.before as SheetAudit | null, l.after as SheetAudit | null, after.evaluationYear ?? l.evaluationYear),
    // line breaks at the ends are not changes (the seed's YAML ends a block with one, the form trims)
    changes: l.action === "sheet.return" ? [] : narrativeChanges(pick(before), pick(after)),
  };
}
