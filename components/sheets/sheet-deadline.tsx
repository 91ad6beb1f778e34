// The deadline that holds for one sheet, in words (never by colour alone): the date in 令和 and Western years,
// whether it was extended, and the days left or 期限超過 (a published sheet may still be edited and submitted
// again, so it keeps its days left; a submitted one waits for the planning division).
import { daysLeft, deadlineState, isPastDeadline } from "@/lib/evaluation/deadlines";
import { deadlineDateLabel } from "@/lib/evaluation/deadline-label";

export function SheetDeadline({ deadline, extended, sheetState, now }: { deadline: Date | null; extended: boolean; sheetState: string; now: Date }) {
  if (!deadline) return <>締切は設定されていません</>;
  const state = deadlineState(deadline, now, sheetState);
  const left = daysLeft(deadline, now);
  return (
    <>
      {deadlineDateLabel(deadline)}まで{extended && "（延長後の期限）"}
      {sheetState !== "submitted" && isPastDeadline(deadline, now) && <strong>　期限超過：提出できません（下書きは保存できます。延長は企画担当にご相談ください）</strong>}
      {sheetState === "submitted" && "　（提出済み）"}
      {sheetState !== "submitted" && left >= 0 && (left === 0 ? <strong>　今日が期限です</strong> : state === "due_soon" ? <strong>　あと{left}日</strong> : `　あと${left}日`)}
    </>
  );
}
