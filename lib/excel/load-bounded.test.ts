import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadWorkbookBounded } from "./load-bounded";

async function workbookBytes(rows: number, cols: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指標");
  for (let r = 1; r <= rows; r++) ws.addRow(Array.from({ length: cols }, (_, c) => (c % 2 ? `値${r}-${c}` : r * c)));
  ws.getCell("A1").note = "メモ";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("loadWorkbookBounded", () => {
  it("hands back the workbook parsed in the worker: values, text and notes", async () => {
    const loaded = await loadWorkbookBounded(await workbookBytes(5, 4));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const ws = loaded.workbook.getWorksheet("指標")!;
    expect(ws.getCell("B2").value).toBe("値2-1");
    expect(ws.getCell("C3").value).toBe(6);
    expect(ws.getCell("A1").note).toBeTruthy();
  });

  it("refuses bytes exceljs cannot read", async () => {
    expect(await loadWorkbookBounded(new TextEncoder().encode("not a workbook"))).toEqual({ ok: false, reason: "not_xlsx" });
  });

  // one large workbook for both limits (writing it is the slow part)
  let large: Promise<Uint8Array> | null = null;
  const largeBytes = () => (large ??= workbookBytes(25_000, 10));

  it("stops a parse that runs past its deadline", async () => {
    const bytes = await largeBytes();
    expect(await loadWorkbookBounded(bytes, { milliseconds: 50, heapMegabytes: 512 })).toEqual({ ok: false, reason: "too_slow" });
  }, 90_000);

  it("stops a parse that needs more memory than its heap limit", async () => {
    const bytes = await largeBytes();
    expect(await loadWorkbookBounded(bytes, { milliseconds: 60_000, heapMegabytes: 8 })).toEqual({ ok: false, reason: "too_large" });
  }, 90_000);
});
