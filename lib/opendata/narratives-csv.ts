// narratives.csv from the JSON export: the published 取組状況 / 課題等 / 今後の方向性. A narrative is stored one
// paragraph or bullet item per line; a CSV value may not hold a line break (machine-readability rule), so each
// line becomes its own row, numbered by 項目番号. Joining a narrative's rows with line breaks in 項目番号 order
// gives the published text back (blank lines and the final line break are not written).
import type { DatasetExport } from "../export/dataset";
import { toCsv, type CsvCell } from "./csv";
import { publicText } from "./public-text";
import { NARRATIVE_COLUMNS, NARRATIVE_SECTIONS, type NarrativeColumnKey } from "./columns";

export type NarrativeRow = Record<NarrativeColumnKey, CsvCell>;

/** The lines of a narrative that carry text, without their line-break characters. */
export function narrativeLines(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
}

export function narrativeRows(dataset: DatasetExport): NarrativeRow[] {
  return dataset.organizations.flatMap((o) =>
    o.plans.flatMap((p) =>
      p.measures.flatMap((m) =>
        m.sheets.flatMap((sheet) =>
          NARRATIVE_SECTIONS.flatMap((section) =>
            narrativeLines(sheet[section.key]).map((line, i) => ({
              organizationCode: o.code,
              organizationName: o.name,
              planSlug: p.slug,
              planName: p.name,
              measureNumber: m.number,
              measureName: m.name,
              evaluationYear: sheet.evaluationYear,
              evaluationYearLabel: sheet.evaluationYearLabel,
              section: section.label,
              itemNumber: i + 1,
              text: line,
            })),
          ),
        ),
      ),
    ),
  );
}

export function buildNarrativesCsv(dataset: DatasetExport): string {
  return toCsv(
    NARRATIVE_COLUMNS.map((c) => c.key),
    narrativeRows(dataset).map((r) => NARRATIVE_COLUMNS.map((c) => (typeof r[c.key] === "string" ? publicText(r[c.key] as string) : r[c.key]))),
  );
}
