// Zip bombs and lying archives are refused before parsing; real workbooks pass.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ARCHIVE_LIMITS, inspectXlsxArchive } from "./archive-check";
import { zip } from "../../tests/helpers/zip";

describe("inspectXlsxArchive", () => {
  it("passes a real workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("指標").addRow(["No", "指標名"]);
    expect(inspectXlsxArchive(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).toEqual({ ok: true });
  });

  it("refuses an entry that expands far beyond a spreadsheet's ratio (a few hundred kB → 60 MB)", () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const r = inspectXlsxArchive(bomb);
    expect(r).toMatchObject({ ok: false, reason: "too_large" });
  });

  it("refuses archives whose declared sizes add up to too much, and too many entries", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `a${i}`, data: Buffer.from("x"), declared: ARCHIVE_LIMITS.totalBytes / 5 }));
    expect(inspectXlsxArchive(zip(many))).toMatchObject({ ok: false, reason: "too_large" });
    const crowd = Array.from({ length: ARCHIVE_LIMITS.entries + 1 }, (_, i) => ({ name: `e${i}`, data: Buffer.from("x") }));
    expect(inspectXlsxArchive(zip(crowd))).toMatchObject({ ok: false, reason: "too_large" });
  });

  it("refuses an entry that lies about its size, inflating no further than the declared size + 1", () => {
    const liar = zip([{ name: "xl/sharedStrings.xml", data: Buffer.alloc(5 * 1024 * 1024, 65), declared: 1000 }]);
    expect(inspectXlsxArchive(liar)).toMatchObject({ ok: false, reason: "too_large" });
  });

  it("says 'not an xlsx' for other bytes", () => {
    expect(inspectXlsxArchive(new TextEncoder().encode("No,指標名\n1,x"))).toMatchObject({ ok: false, reason: "not_zip" });
    expect(inspectXlsxArchive(new Uint8Array([0x50, 0x4b, 3, 4]))).toMatchObject({ ok: false, reason: "not_zip" });
  });
});
