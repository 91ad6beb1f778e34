// What the workbook page's action answers the form: plain, serialisable data.
import type { ApplyResult, WorkbookPreview } from "./service";

/** Under the server actions' 1 MB body limit (a plan of a few hundred KPIs is far smaller). */
export const MAX_UPLOAD_BYTES = 900 * 1024;
export const MAX_UPLOAD_LABEL = "900KB";

export type WorkbookResult = { kind: "preview"; preview: WorkbookPreview } | { kind: "applied"; result: ApplyResult };
