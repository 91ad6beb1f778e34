// The one versioned write of a sheet's draft, shared by the sheet form / API (lib/sheets/mutations.ts) and the
// Excel import (lib/excel/apply-import.ts): the version in the UPDATE's WHERE makes the optimistic-lock check and
// the write one step (a submitted sheet is never overwritten), then the year's draft values are set (a value with
// neither number nor text removes the draft value, so the published one stays). Runs inside the caller's
// transaction; the caller authorises, refuses and audits.
import type { DataChannel, Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type DraftFields = {
  effortStatus?: string | null;
  issues?: string | null;
  direction?: string | null;
  state: "draft" | "submitted";
  submittedAt: Date | null;
  updatedById: string;
  updatedVia: DataChannel;
};
export type DraftValue = { seriesId: string; value: string | null; text: string | null };

/**
 * Writes the draft of `measureId` for `evaluationYear`. `entry` is the row as the caller read it in this transaction
 * (null: none yet); `expectedVersion` is the version the writer saw. When another writer moved the version (or
 * submitted the sheet) in between, `onStale` is called and must throw. Returns the entry's id.
 */
export async function writeSheetDraft(
  tx: Tx,
  args: { measureId: string; evaluationYear: number; entry: { id: string } | null; expectedVersion: number; fields: DraftFields; values: readonly DraftValue[]; onStale: () => Promise<never> | never },
): Promise<string> {
  const { measureId, evaluationYear: year } = args;
  const data = { ...args.fields, returnReason: null };
  let entryId: string;
  if (args.entry) {
    const updated = await tx.sheetEntry.updateMany({ where: { id: args.entry.id, version: args.expectedVersion, state: { not: "submitted" } }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) await args.onStale();
    entryId = args.entry.id;
  } else {
    entryId = (await tx.sheetEntry.create({ data: { ...data, measureId, evaluationYear: year, version: 1 } })).id;
  }
  for (const v of args.values) {
    if (v.value === null && v.text === null) {
      await tx.sheetEntryValue.deleteMany({ where: { sheetEntryId: entryId, seriesId: v.seriesId, fiscalYear: year } });
    } else {
      await tx.sheetEntryValue.upsert({
        where: { sheetEntryId_seriesId_fiscalYear: { sheetEntryId: entryId, seriesId: v.seriesId, fiscalYear: year } },
        create: { sheetEntryId: entryId, seriesId: v.seriesId, fiscalYear: year, value: v.value, text: v.text },
        update: { value: v.value, text: v.text },
      });
    }
  }
  return entryId;
}

type EntryWithValues = {
  state: string;
  version: number;
  effortStatus: string | null;
  issues: string | null;
  direction: string | null;
  draftValues: { seriesId: string; fiscalYear: number; value: { toString(): string } | null; text: string | null }[];
};

/** A draft as its audit record shows it (before and after a write). */
export function draftSnapshot(e: EntryWithValues | null) {
  if (!e) return null;
  return {
    state: e.state,
    version: e.version,
    effortStatus: e.effortStatus,
    issues: e.issues,
    direction: e.direction,
    values: e.draftValues.map((v) => ({ seriesId: v.seriesId, fiscalYear: v.fiscalYear, value: v.value?.toString() ?? null, text: v.text })),
  };
}
