// What a sheet changes, as plain data: each value (per series and year, old → new) and each narrative (old, new).
// Pure: the review screen feeds it the published rows and the draft, the history feeds it an audit record's
// before and after, so both say the same thing about the same change.

export type Cell = { value: string | null; text: string | null };
export type SeriesRef = { id: string; label: string; unit: string | null };
export type ValueRow = Cell & { seriesId: string; fiscalYear: number };

export type ValueChange = {
  seriesId: string;
  label: string;
  unit: string | null;
  fiscalYear: number;
  before: Cell | null;
  after: Cell | null;
};

export const NARRATIVE_FIELDS = ["effortStatus", "issues", "direction"] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export type Narratives = Partial<Record<NarrativeField, string | null>>;
export type NarrativeChange = { field: NarrativeField; before: string; after: string };

const empty = (c: Cell | null | undefined) => !c || (c.value === null && c.text === null);

/** The same cell? Two numbers are compared as numbers (a stored 68.900000, a typed 68.9 printed 「68.9」 and a seeded
 *  68.9 without printed text are the same); a text cell (集計中, 認定) by its text. */
export function sameCell(a: Cell | null | undefined, b: Cell | null | undefined): boolean {
  if (empty(a) || empty(b)) return empty(a) === empty(b);
  if (a!.value !== null && b!.value !== null) return normalize(a!.value) === normalize(b!.value);
  return a!.value === b!.value && (a!.text ?? null) === (b!.text ?? null);
}

/** 「68.900000」→「68.9」, 「-0.50」→「-0.5」: the decimal without trailing zeros (exact, no float). */
function normalize(v: string): string {
  return v.includes(".") ? v.replace(/0+$/, "").replace(/\.$/, "") : v;
}

/**
 * The values that change: for every (series, year) in `after`, the `before` cell beside it, when they differ.
 * `after` rows that are empty mean the value is cleared. Series unknown to `series` are kept with their id as label
 * (a series renamed or removed since: the record still says what changed).
 */
export function valueChanges(series: SeriesRef[], before: ValueRow[], after: ValueRow[]): ValueChange[] {
  const order = new Map(series.map((s, i) => [s.id, i]));
  const key = (r: { seriesId: string; fiscalYear: number }) => `${r.seriesId}:${r.fiscalYear}`;
  const old = new Map(before.map((r) => [key(r), r]));
  const changes: ValueChange[] = [];
  for (const row of after) {
    const was = old.get(key(row)) ?? null;
    if (sameCell(was, row)) continue;
    const s = series.find((x) => x.id === row.seriesId);
    changes.push({
      seriesId: row.seriesId,
      label: s?.label ?? "（削除された区分）",
      unit: s?.unit ?? null,
      fiscalYear: row.fiscalYear,
      before: empty(was) ? null : { value: was!.value, text: was!.text },
      after: empty(row) ? null : { value: row.value, text: row.text },
    });
  }
  return changes.sort((a, b) => (order.get(a.seriesId) ?? 99) - (order.get(b.seriesId) ?? 99) || a.fiscalYear - b.fiscalYear);
}

/** The narratives that differ (line breaks and spaces at the ends are not changes: the form trims). */
export function narrativeChanges(before: Narratives, after: Narratives): NarrativeChange[] {
  return NARRATIVE_FIELDS.map((field) => ({ field, before: (before[field] ?? "").trim(), after: (after[field] ?? "").trim() })).filter((c) => c.before !== c.after);
}

type AuditCells = { seriesId: string; fiscalYear?: number; value: string | null; text: string | null }[] | undefined;
type SheetAuditSide = Narratives & { values?: AuditCells; actuals?: AuditCells; published?: Narratives; evaluationYear?: number };

/**
 * An audit record of a sheet (lib/sheets/mutations.ts, lib/excel/apply-import.ts) → its value changes.
 * Approval: the published actuals before → after (the record keeps them without a year: they are the evaluation
 * year's). Drafts, submissions and imports: the draft values before → after.
 */
export function auditValueChanges(action: string, series: SeriesRef[], before: SheetAuditSide | null, after: SheetAuditSide | null, evaluationYear: number | null): ValueChange[] {
  const rows = (cells: AuditCells): ValueRow[] =>
    (cells ?? []).flatMap((c) => {
      const fiscalYear = c.fiscalYear ?? evaluationYear;
      return fiscalYear === null || fiscalYear === undefined ? [] : [{ seriesId: c.seriesId, fiscalYear, value: c.value ?? null, text: c.text ?? null }];
    });
  if (action === "sheet.approve") return valueChanges(series, rows(before?.actuals), rows(after?.actuals));
  if (action === "sheet.saveDraft" || action === "sheet.submit" || action === "sheet.import") {
    const was = rows(before?.values);
    const now = rows(after?.values);
    // a draft value that disappears was cleared: compare it with nothing
    const cleared = was.filter((w) => !now.some((n) => n.seriesId === w.seriesId && n.fiscalYear === w.fiscalYear)).map((w) => ({ ...w, value: null, text: null }));
    return valueChanges(series, was, [...now, ...cleared]);
  }
  return [];
}
