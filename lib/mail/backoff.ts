// When a failed e-mail is tried again: 1 minute, 5 minutes, 30 minutes, 2 hours after the 1st…4th failure;
// the 5th failure is final (the message is marked failed and stays in the outbox with its last error).
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After `attempts` failed attempts: when to try next, or null when that was the last attempt. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_MS[Math.max(0, attempts - 1)]);
}

/** An SMTP error as it may be shown to an admin: without credentials, on one line, bounded. */
export function safeError(e: unknown, secrets: readonly string[] = []): string {
  const raw = e instanceof Error ? [e.message, (e as { response?: unknown }).response].filter((x) => typeof x === "string" && x).join(" / ") : String(e);
  let text = raw.replace(/\/\/[^\s/@]+@/g, "//***@");
  for (const s of secrets) if (s && s.length >= 3) text = text.split(s).join("***");
  text = text.replace(/\s+/g, " ").trim();
  return (text || "送信に失敗しました").slice(0, 500);
}
