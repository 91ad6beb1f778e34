// exceljs parses an uploaded workbook in a worker thread with its own heap limit and a deadline, so a hostile or
// pathological file (one that passed the archive check, lib/excel/archive-check.ts, but still makes the parser
// churn) costs at most WORKBOOK_PARSE_LIMITS and never the server's own heap or event loop. The worker hands back
// exceljs' plain workbook model (what exceljs itself builds while reading), and the request's thread rebuilds
// the Workbook from it without parsing XML again.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import ExcelJS from "exceljs";
import type { Workbook } from "exceljs";

export const WORKBOOK_PARSE_LIMITS = {
  /** a real plan's workbook parses in well under a second */
  milliseconds: 20_000,
  /** the worker's V8 old generation; a real workbook needs a few tens of MB */
  heapMegabytes: 512,
} as const;

export type BoundedLoad =
  | { ok: true; workbook: Workbook }
  | { ok: false; reason: "not_xlsx" | "too_slow" | "too_large" };

// Plain CommonJS run by the worker: exceljs is loaded from the path the parent resolved (the app's node_modules),
// since an eval'd worker resolves modules from no file of its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const ExcelJS = require(workerData.exceljs);
(async () => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(workerData.bytes);
  } catch {
    parentPort.postMessage({ ok: false });
    return;
  }
  parentPort.postMessage({ ok: true, model: wb.model });
})();
`;

let exceljsPath: string | null = null;
function resolveExceljs(): string {
  // resolved from the project folder (where node_modules is), not from a bundled chunk's location
  exceljsPath ??= createRequire(path.join(process.cwd(), "package.json")).resolve("exceljs");
  return exceljsPath;
}

/** Parses .xlsx bytes (already canonicalised) off the request's thread, within the limits. */
export function loadWorkbookBounded(bytes: Uint8Array, limits: { milliseconds: number; heapMegabytes: number } = WORKBOOK_PARSE_LIMITS): Promise<BoundedLoad> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, exceljs: resolveExceljs() },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMegabytes, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    const finish = (result: BoundedLoad) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: "too_slow" }), limits.milliseconds);
    worker.on("message", (message: { ok: boolean; model?: Workbook["model"] }) => {
      if (!message.ok || !message.model) return finish({ ok: false, reason: "not_xlsx" });
      const workbook = new ExcelJS.Workbook();
      try {
        workbook.model = message.model;
      } catch {
        return finish({ ok: false, reason: "not_xlsx" });
      }
      finish({ ok: true, workbook });
    });
    // ERR_WORKER_OUT_OF_MEMORY when the heap limit is reached; anything else is a file exceljs cannot read
    worker.on("error", (error: NodeJS.ErrnoException) =>
      finish({ ok: false, reason: error?.code === "ERR_WORKER_OUT_OF_MEMORY" ? "too_large" : "not_xlsx" }),
    );
    worker.on("exit", () => finish({ ok: false, reason: "not_xlsx" }));
  });
}
