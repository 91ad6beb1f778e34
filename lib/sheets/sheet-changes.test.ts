// What a sheet changes: values compared as numbers or as printed text, per series and year, and what the audit
// records of each sheet action hold.
import { describe, expect, it } from "vitest";
import { auditValueChanges, narrativeChanges, sameCell, valueChanges } from "./sheet-changes";

const series = [
  { id: "a", label: "累計（中３）", unit: "%" },
  { id: "b", label: "県", unit: null },
];
const cell = (value: string | null, text: string | null = null) => ({ value, text });

describe("sameCell", () => {
  it.each([
    [cell("68.900000"), cell("68.9", "68.9"), true],
    [cell("1759"), cell("1759", "1,759"), true],
    [cell("67.5"), cell("68.9", "68.9"), false],
    [cell(null, "認定なし"), cell(null, "認定"), false],
    [cell(null, "集計中"), cell("12", "12"), false],
    [cell(null, "集計中"), cell(null, "集計中"), true],
    [null, cell(null, null), true],
    [null, cell("0", "0"), false],
  ])("%o vs %o → %s", (a, b, same) => expect(sameCell(a, b)).toBe(same));
});

describe("valueChanges", () => {
  it("lists only what differs, in the series' order, with the year and unit; a cleared value is a change to nothing", () => {
    const published = [
      { seriesId: "a", fiscalYear: 2023, ...cell("36.4") },
      { seriesId: "b", fiscalYear: 2023, ...cell(null, "認定なし") },
      { seriesId: "a", fiscalYear: 2022, ...cell("34.4") },
    ];
    const draft = [
      { seriesId: "b", fiscalYear: 2023, ...cell(null, "認定") },
      { seriesId: "a", fiscalYear: 2023, ...cell("38.9", "38.9") },
      { seriesId: "a", fiscalYear: 2022, ...cell("34.4", "34.4") },
    ];
    expect(valueChanges(series, published, draft)).toEqual([
      { seriesId: "a", label: "累計（中３）", unit: "%", fiscalYear: 2023, before: cell("36.4"), after: cell("38.9", "38.9") },
      { seriesId: "b", label: "県", unit: null, fiscalYear: 2023, before: cell(null, "認定なし"), after: cell(null, "認定") },
    ]);
    expect(valueChanges(series, published, [{ seriesId: "a", fiscalYear: 2023, ...cell(null) }])[0]).toMatchObject({ before: cell("36.4"), after: null });
  });
});

describe("auditValueChanges", () => {
  it("an approval: the published actuals before → after, in the evaluation year the record names", () => {
    const before = { actuals: [{ seriesId: "a", value: "67.5", text: null }] };
    const after = { actuals: [{ seriesId: "a", value: "68.9", text: "68.9" }], evaluationYear: 2023 };
    expect(auditValueChanges("sheet.approve", series, before, after, 2023)).toEqual([
      { seriesId: "a", label: "累計（中３）", unit: "%", fiscalYear: 2023, before: cell("67.5"), after: cell("68.9", "68.9") },
    ]);
  });

  it("a save: the draft values before → after; a draft value that disappears was cleared", () => {
    const before = { values: [{ seriesId: "a", fiscalYear: 2023, value: "1", text: "1" }, { seriesId: "b", fiscalYear: 2023, value: null, text: "完了" }] };
    const after = { values: [{ seriesId: "a", fiscalYear: 2023, value: "2", text: "2" }] };
    expect(auditValueChanges("sheet.saveDraft", series, before, after, 2023).map((c) => [c.label, c.before, c.after])).toEqual([
      ["累計（中３）", cell("1", "1"), cell("2", "2")],
      ["県", cell(null, "完了"), null],
    ]);
  });

  it("a return or another action has no value changes", () => {
    expect(auditValueChanges("sheet.return", series, {}, { reason: "x" } as never, 2023)).toEqual([]);
  });
});

describe("narrativeChanges", () => {
  it("ignores spaces and line breaks at the ends", () => {
    expect(narrativeChanges({ effortStatus: "取組\n", issues: null }, { effortStatus: "取組", issues: "課題" })).toEqual([{ field: "issues", before: "", after: "課題" }]);
  });
});
