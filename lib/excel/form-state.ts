// What the import action answers the form: plain, serialisable data (cells are formatted by the component).
import type { StoredCell } from "./cells";
import type { NotImported } from "./not-imported";
import type { NarrativeField } from "./layout";

type ChangeViewBase = {
  /** 「指標!12」: the stale row's choice is sent under this key */
  key: string;
  sheet: string;
  row: number;
  number: string;
  measureName: string;
  stale: boolean;
  /** the sheet's version now, and as exported (null: the file does not say) */
  version: number;
  fileVersion: number | null;
};
export type ImportChangeView =
  | (ChangeViewBase & { kind: "value"; seriesLabel: string; unit: string | null; before: StoredCell | null; after: StoredCell })
  | (ChangeViewBase & { kind: "narrative"; field: NarrativeField; before: string | null; after: string | null });

export type ImportPreview = {
  status: "preview";
  evaluationYear: number;
  changes: ImportChangeView[];
  notImported: NotImported[];
  token: string;
  /** after a confirmation refused for missing choices: the rows (keys) still to choose, with the message */
  choiceErrors?: Record<string, string>;
  message?: string;
};

export type ImportFormState =
  | { status: "idle" }
  | { status: "invalid"; message: string; errors: string[] }
  | { status: "unchanged"; message: string; notImported: NotImported[] }
  | ImportPreview
  | { status: "applied"; message: string; sheets: { number: string; name: string }[] };

export const initialImportFormState: ImportFormState = { status: "idle" };
