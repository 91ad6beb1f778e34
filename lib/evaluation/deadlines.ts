// Deadlines of an evaluation year (提出期限): the year's own deadline, later ones granted by the planning division
// to a department (a 部 covers its 課) or to one sheet. Pure: the caller loads the rows and passes the clock.
import { addDays, differenceInCalendarDays } from "date-fns";

export type Extension = { unitId: string | null; measureId: string | null; deadline: Date };

export type DeadlineSubject = {
  measureId: string;
  /** the units that own the KPI (部 or 課) */
  ownerUnitIds: string[];
  /** each unit's parent, to let a department's extension cover its divisions */
  parentOf: (unitId: string) => string | null | undefined;
};

/** The deadline that holds for one sheet: the latest of the year's deadline and every extension that applies. */
export function effectiveDeadline(yearDeadline: Date | null, extensions: Extension[], subject: DeadlineSubject): Date | null {
  if (!yearDeadline) return null; // no deadline set: submissions are accepted while the year is open
  const units = new Set<string>();
  for (const id of subject.ownerUnitIds) {
    for (let u: string | null | undefined = id, guard = 0; u && guard < 20; u = subject.parentOf(u), guard++) units.add(u);
  }
  let latest = yearDeadline;
  for (const e of extensions) {
    const applies = (e.measureId !== null && e.measureId === subject.measureId) || (e.unitId !== null && units.has(e.unitId));
    if (applies && e.deadline > latest) latest = e.deadline;
  }
  return latest;
}

/** A date typed as YYYY-MM-DD means the end of that day in Japan. */
export function endOfJapaneseDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999+09:00`);
}

/** The YYYY-MM-DD of an instant in Japan (for date inputs and day arithmetic). */
export function japaneseDate(d: Date): string {
  return new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

export const isPastDeadline = (deadline: Date | null, now: Date) => deadline !== null && now.getTime() > deadline.getTime();

/** Whole days left until the deadline, counted in Japanese calendar days (0 on the day itself, negative after). */
export function daysLeft(deadline: Date, now: Date): number {
  const [a, b] = [japaneseDate(now), japaneseDate(deadline)];
  return differenceInCalendarDays(new Date(`${b}T00:00:00Z`), new Date(`${a}T00:00:00Z`));
}

export type DeadlineState = "none" | "open" | "due_soon" | "overdue" | "done";

/** Where a sheet stands against its deadline. Submitted and published sheets are done whatever the date. */
export function deadlineState(deadline: Date | null, now: Date, sheetState: string, soonDays = 7): DeadlineState {
  if (sheetState === "submitted" || sheetState === "published") return "done";
  if (!deadline) return "none";
  if (isPastDeadline(deadline, now)) return "overdue";
  return daysLeft(deadline, now) <= soonDays ? "due_soon" : "open";
}

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  none: "期限なし",
  open: "期限内",
  due_soon: "期限間近",
  overdue: "期限超過",
  done: "提出済み",
};

/** The day a reminder "n days before" is due, in Japan (the deadline's day minus n). */
export function reminderDay(deadline: Date, days: number): string {
  return japaneseDate(addDays(deadline, -days));
}
