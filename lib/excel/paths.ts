// URLs of the Excel export and import (beside lib/paths.ts, which they extend).
import { planPath } from "../paths";

/** The .xlsx of a plan, or of one department's part of it (the overview's ?department=<unitId>). */
export const excelExportPath = (code: string, slug: string, departmentId?: string) =>
  `${planPath(code, slug)}/excel${departmentId ? `?department=${encodeURIComponent(departmentId)}` : ""}`;

export const excelImportPath = (code: string, slug: string) => `${planPath(code, slug)}/excel/import`;
