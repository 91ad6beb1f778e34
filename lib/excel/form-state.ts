// What the import action answers the form: plain, serialisable data (cells are formatted by the component).
import type { StoredCell } from "./cells";

export type ImportChangeView = {
  row: number;
  number: string;
  measureName: string;
  seriesLabel: string;
  unit: string | null;
  before: StoredCell | null;
  after: StoredCell;
};

export type ImportFormState =
  | { status: "idle" }
  | { status: "invalid"; message: string; errors: string[] }
  | { status: "unchanged"; message: string }
  | { status: "preview"; evaluationYear: number; changes: ImportChangeView[]; token: string }
  | { status: "applied"; message: string; sheets: { number: string; name: string }[] };

export const initialImportFormState: ImportFormState = { status: "idle" };
