// How a change reached the app (AuditLog.channel, SheetEntry.updatedVia, SeriesValue.enteredVia), as staff read it.
export const CHANNEL_LABELS: Record<string, string> = { form: "フォーム", workbook: "Excel", api: "API", cli: "コマンド", seed: "シード" };
