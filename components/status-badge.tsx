import type { StatusCode } from "@/lib/progress/types";

// Each status has its own shape and text, so it never depends on colour alone.
const ICONS: Record<StatusCode, string> = {
  achieved: "M4 12l5 5L20 6",
  on_track: "M5 12h14M13 6l6 6-6 6",
  behind: "M12 5v9M12 18v1",
  worse: "M6 6l12 12M18 6L6 18",
  not_achieved: "M5 12h14",
  good: "M12 4a8 8 0 1 0 0.01 0",
  fair: "M12 4L20 19H4z",
  poor: "M6 6l12 12M18 6L6 18",
  not_judgeable: "M9 9a3 3 0 1 1 4 3c-1 .5-1 1-1 2M12 18v1",
};

export function StatusBadge({ status, label }: { status: StatusCode; label: string }) {
  return (
    <span className={`status-badge status-badge--${status}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
        <path d={ICONS[status]} />
      </svg>
      {label}
    </span>
  );
}
