// After a change committed notifications, their e-mails are sent now rather than at the next minute: the job
// queue of this process (if one runs: not in tests or the CLI) registers how to ask for a mail-send job. Kept
// apart from queue.ts so that mutations do not load pg-boss.
const holder = globalThis as unknown as { kpiMailWaker?: () => Promise<unknown> };

export function setMailWaker(fn: (() => Promise<unknown>) | undefined): void {
  holder.kpiMailWaker = fn;
}

/** Never fails the change that asked: a mail not sent now is sent by the scheduled run. */
export function wakeMailSender(): void {
  const wake = holder.kpiMailWaker;
  if (!wake) return;
  wake().catch((e) => console.error(`[jobs] mail-send not queued: ${e instanceof Error ? e.message : String(e)}`));
}
