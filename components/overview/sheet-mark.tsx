// A KPI's sheet in the open evaluation year, for staff: its state and, when it is not submitted, where it stands
// against its deadline — in words (期限超過, 期限間近), never by colour alone.
import type { SheetMark } from "@/lib/sheets/staff-marks";

export function SheetMarkCell({ mark }: { mark: SheetMark | undefined }) {
  if (!mark) return <>－</>;
  return (
    <>
      {mark.stateLabel}
      {mark.deadline === "overdue" && (
        <>
          <br />
          <strong>期限超過</strong>
        </>
      )}
      {mark.deadline === "due_soon" && (
        <>
          <br />
          <strong>期限間近</strong>
          <span className="muted">（{mark.daysLeft === 0 ? "今日まで" : `あと${mark.daysLeft}日`}）</span>
        </>
      )}
    </>
  );
}
