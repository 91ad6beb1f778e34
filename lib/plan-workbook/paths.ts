// URLs of the plan workbook (計画の設定用 Excel): its page and its download.
import { planPath } from "../paths";

export const workbookSetupPath = (code: string, slug: string) => `${planPath(code, slug)}/setup/workbook`;
export const workbookDownloadPath = (code: string, slug: string) => `${workbookSetupPath(code, slug)}/download`;
