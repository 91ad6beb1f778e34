import "server-only";
import { db } from "../db";
import { cachedData } from "../cache";

export const ACTION_LABELS: Record<string, string> = {
  "sheet.saveDraft": "下書き保存",
  "sheet.submit": "提出",
  "sheet.approve": "承認・公開",
  "sheet.return": "差し戻し",
  "rating.set": "公式評価の設定",
  "sheet.import": "Excel 取り込み",
};

type Narr = { effortStatus?: string | null; issues?: string | null; direction?: string | null };
type SheetAudit = Narr & { state?: string; published?: Narr; reason?: string; evaluationYear?: number };

/**
 * The change history of a measure's sheets, newest first. Readers who may not see drafts get only the
 * publications (approve events), comparing what was published before with what was published after.
 */
export async function getSheetHistory(measureId: string, includeDrafts: boolean) {
  if (includeDrafts) return loadSheetHistory(measureId, true);
  // the public history (publications only) is the same for every reader: cached, dates revived from JSON
  const items = await publicHistory(measureId);
  return items.map((h) => ({ ...h, at: new Date(h.at) }));
}

const publicHistory = cachedData("public-history", (measureId: string) => loadSheetHistory(measureId, false));

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
      by: l.user?.name ?? "（システム）",
      evaluationYear: yearOf.get(l.entityId) ?? null,
      reason: after.reason ?? null,
      changes: (["effortStatus", "issues", "direction"] as const)
        .map((field) => ({ field, before: (b[field] ?? "").trim(), after: (a[field] ?? "").trim() }))
        // line breaks at the ends are not changes (the seed's YAML ends a block with one, the form trims)
        .filter((c) => c.before.trim() !== c.after.trim() && l.action !== "sheet.return"),
    };
  });
}
