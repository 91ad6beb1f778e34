import type { StatusCode } from "@/lib/progress/types";

// Labels that are themselves a shape (嘉麻市's ○ △ ×, ◎, ▲…): the badge shows the label alone, since an icon
// beside it repeated the status (「△ △」).
const SHAPE_LABEL = /^[◎○〇◯●△▲▽▼×✕✖□■◇◆☆★－]$/u;
// A status code becomes a class name only when it is a plain identifier; any other code gets the generic style.
const CLASS_SAFE = /^[a-z][a-z0-9_-]*$/i;

/** A status as a badge, shown once: its own shape (drawn by app/globals.css, .status-badge--<status>) and its
 *  text, so it never depends on colour alone. A code the stylesheet does not know gets the generic shape. */
export function StatusBadge({ status, label }: { status: StatusCode | (string & {}); label: string }) {
  const shape = SHAPE_LABEL.test(label.trim());
  const classes = ["status-badge"];
  if (CLASS_SAFE.test(status)) classes.push(`status-badge--${status}`);
  if (shape) classes.push("status-badge--shape-label");
  return <span className={classes.join(" ")}>{label}</span>;
}
