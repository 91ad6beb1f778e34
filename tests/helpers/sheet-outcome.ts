// The sheet mutations as the tests read them: a write answers { ok: true, version }, a refusal (thrown inside the
// transaction as the one Refusal, or the permission table's ForbiddenError) is caught and answered as
// { ok: false, kind, message, fieldErrors, current } — what runAction makes of it, minus the result wrapper.
// Anything else is rethrown, so an unexpected error still fails the test.
import { Refusal, MESSAGES } from "../../lib/actions/refusal";
import { ForbiddenError } from "../../lib/authz/permissions";
import * as sheets from "../../lib/sheets/mutations";
import type { ConflictInfo } from "../../lib/sheets/mutations";

export type SheetOutcome =
  | { ok: true; version: number }
  | { ok: false; kind: "conflict"; message: string; fieldErrors?: Record<string, string>; current: ConflictInfo }
  | { ok: false; kind: Exclude<Refusal["code"], "conflict">; message: string; fieldErrors?: Record<string, string>; current?: undefined };

export async function outcome(write: Promise<sheets.SheetWriteResult>): Promise<SheetOutcome> {
  try {
    return { ok: true, ...(await write) };
  } catch (e) {
    if (e instanceof ForbiddenError) return { ok: false, kind: "forbidden", message: MESSAGES.forbidden };
    if (!(e instanceof Refusal)) throw e;
    if (e.code === "conflict") return { ok: false, kind: "conflict", message: e.message, fieldErrors: e.fieldErrors, current: e.detail as ConflictInfo };
    return { ok: false, kind: e.code, message: e.message, fieldErrors: e.fieldErrors };
  }
}

export const saveSheetEntry = (...args: Parameters<typeof sheets.saveSheetEntry>) => outcome(sheets.saveSheetEntry(...args));
export const approveSheetEntry = (...args: Parameters<typeof sheets.approveSheetEntry>) => outcome(sheets.approveSheetEntry(...args));
export const returnSheetEntry = (...args: Parameters<typeof sheets.returnSheetEntry>) => outcome(sheets.returnSheetEntry(...args));
