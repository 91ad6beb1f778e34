import type { StatusCode } from "@/lib/progress/types";

/** A status as a badge: its own shape (drawn by app/globals.css, .status-badge--<status>) and its text, so it
 *  never depends on colour alone. */
export function StatusBadge({ status, label }: { status: StatusCode; label: string }) {
  return <span className={`status-badge status-badge--${status}`}>{label}</span>;
}
