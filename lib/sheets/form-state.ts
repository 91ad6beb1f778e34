// What the sheet form holds: the one result shape of a write (lib/actions/form-state.ts). A stale save is
// refused with code "conflict" and, as its detail, the sheet as the other writer left it.
import type { FormState } from "../actions/form-state";
import type { ConflictInfo, SheetWriteResult } from "./mutations";

export type SheetFormState = FormState<SheetWriteResult>;
export type SheetConflict = Omit<ConflictInfo, "updatedAt"> & { updatedAt: Date | string | null };

/** The other writer's sheet when the save was refused as stale (a serialisation retry running out has none). */
export function sheetConflict(state: SheetFormState): SheetConflict | null {
  return state.status === "error" && state.code === "conflict" && state.detail ? (state.detail as SheetConflict) : null;
}

/** The version the next save is made against: the one just saved, the other writer's after a conflict, else the page's. */
export function nextVersion(state: SheetFormState, pageVersion: number): number {
  if (state.status === "ok") return state.data?.version ?? pageVersion;
  return sheetConflict(state)?.version ?? pageVersion;
}
