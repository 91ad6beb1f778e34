// Zip bombs and lying archives are refused before parsing; real workbooks pass.
import { describe, expect, it } from "vitest";
import { deflateRawSync, crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { ARCHIVE_LIMITS, inspectXlsxArchive } from "./archive-check";

type Entry = { name: string; data: Buffer; declared?: number };

/** A minimal ZIP writer (deflate), able to lie about an entry's uncompressed size. */
function zip(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const compressed = deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

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
