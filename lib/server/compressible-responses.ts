// Next.js 16 compresses its responses (gzip, `compress: true`) but not those of route handlers: it sets their
// headers as arrays, and the compression step reads Content-Type as `["text/csv; …"]`, which it does not
// recognise as compressible, so the open-data JSON (300 kB) and CSV went out uncompressed. A route handler cannot
// compress by itself either (Next drops its Content-Encoding header). Storing a one-value Content-Type as a plain
// string lets Next's own compression apply. Installed once per server process from instrumentation.ts.
import http from "node:http";

const INSTALLED = Symbol.for("kpi.compressibleResponses");

export function installCompressibleResponses(): void {
  const proto = http.ServerResponse.prototype as unknown as Record<symbol, boolean> & { setHeader: http.ServerResponse["setHeader"] };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const setHeader = proto.setHeader;
  proto.setHeader = function (this: http.ServerResponse, name: string, value: number | string | readonly string[]) {
    const single = Array.isArray(value) && value.length === 1 && name.toLowerCase() === "content-type" ? value[0] : value;
    return setHeader.call(this, name, single);
  } as http.ServerResponse["setHeader"];
}
