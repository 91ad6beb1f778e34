// Runs once when a server process starts: the job queue (mail sending, deadline reminders) is started in the
// background, so the server is ready at once; it is not started while `next build` runs or without a database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // the TCP peer of every request, for sign-in throttling (a client's own X-Forwarded-For is not believed)
  (await import("./lib/server/peer-address")).installPeerAddressStamp();
  // route handlers' JSON and CSV gzip-compressed like the pages (lib/server/compressible-responses.ts)
  (await import("./lib/server/compressible-responses")).installCompressibleResponses();
  if (process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL || process.env.KPI_JOBS === "0") return;
  const url = process.env.DATABASE_URL;
  void import("./lib/jobs/process-queue").then((m) => m.startInThisProcess(url)).catch((e) => console.error("[jobs] not started", e));
}
