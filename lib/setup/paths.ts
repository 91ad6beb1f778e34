// URLs of the KPI set-up pages (指標の設定). The No is URL-encoded: 「追加1」「1-1」.
import { planPath } from "../paths";

export const measuresSetupPath = (code: string, slug: string) => `${planPath(code, slug)}/setup/measures`;
export const measureSetupPath = (code: string, slug: string, no: string) => `${measuresSetupPath(code, slug)}/${encodeURIComponent(no)}`;
export const newMeasureSetupPath = (code: string, slug: string) => `${measuresSetupPath(code, slug)}/new`;
