// Which KPIs the evaluation committee should look at first, and why. Pure: takes overview rows and sheet states.
import type { OverviewRow } from "../plans/overview";
import { STATUS_ORDER } from "../progress/evaluate";

export type AttentionReason = "worse" | "behind" | "not_judgeable" | "official_differs" | "changed";

export const REASON_LABELS: Record<AttentionReason, string> = {
  worse: "悪化・×・C",
  behind: "遅れ・△・B",
  not_judgeable: "判定不能",
  official_differs: "公式評価と算出が相違",
  changed: "今回の評価で値・記述が更新",
};

export type SheetChange = { state: string; publishedAt: Date | null } | undefined;

export function attentionReasons(row: OverviewRow, sheet: SheetChange): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  // each rule's lowest marks, and those short of its upper threshold (a plan uses one rule)
  if (row.status === "worse" || row.status === "poor" || row.status === "c") reasons.push("worse");
  if (row.status === "behind" || row.status === "fair" || row.status === "b" || row.status === "slightly_behind") reasons.push("behind");
  if (row.status === "not_judgeable") reasons.push("not_judgeable");
  if (row.official?.agrees === false) reasons.push("official_differs");
  // edited during this round: an unpublished draft/submission, or a publication through the app
  if (sheet && (sheet.state !== "published" || sheet.publishedAt !== null)) reasons.push("changed");
  return reasons;
}

/** Attention first (least favourable status first), then the rest in printed order. */
export function orderForReview<T extends { row: OverviewRow; reasons: AttentionReason[] }>(items: T[]): T[] {
  const rank = (t: T) => (t.reasons.length > 0 ? 0 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? STATUS_ORDER.indexOf(a.row.status) - STATUS_ORDER.indexOf(b.row.status) : 0));
}
