// How a change reached the app (AuditLog.channel, SheetEntry.updatedVia, SeriesValue.enteredVia), as staff read it.
export const CHANNEL_LABELS: Record<string, string> = { form: "画面", workbook: "Excel", api: "API", cli: "CLI", seed: "シード" };
