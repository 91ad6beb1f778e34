// What a sheet action answers the form: plain, serialisable data.
import type { ConflictInfo } from "./mutations";

export type SheetFormState = {
  status: "idle" | "saved" | "error" | "conflict";
  message?: string;
  fieldErrors?: Record<string, string>;
  version?: number;
  state?: string;
  current?: Omit<ConflictInfo, "updatedAt"> & { updatedAt: string | null };
};

export const initialSheetFormState: SheetFormState = { status: "idle" };
