import { DEADLINE_STATE_LABELS, type DeadlineState } from "@/lib/evaluation/deadlines";

const day = (d: Date) => d.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" });

/** A sheet against its deadline, in words (「期限超過（締切 2027/3/31）」), never by colour alone: only what
 *  needs attention (overdue, due soon) is marked. */
export function DeadlineMark({ state, deadline }: { state: DeadlineState; deadline: Date | null }) {
  if (state !== "overdue" && state !== "due_soon") return null;
  const text = `${DEADLINE_STATE_LABELS[state]}${deadline ? `（締切 ${day(deadline)}）` : ""}`;
  return state === "overdue" ? <strong className="tag">⚠ {text}</strong> : <span className="tag">{text}</span>;
}
