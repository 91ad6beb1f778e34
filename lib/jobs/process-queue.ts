// The server process's job queue: started once (instrumentation.ts), stopped on SIGTERM/SIGINT before Next exits.
import { db } from "../db";
import { startProcessJobQueue, stopProcessJobQueue } from "./queue";

export function startInThisProcess(databaseUrl: string): void {
  void startProcessJobQueue(databaseUrl, db());
  const stop = () => {
    // Next closes the server and exits on the same signal; the queue lets its running job finish meanwhile
    void stopProcessJobQueue().catch((e) => console.error("[jobs] stop", e));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
