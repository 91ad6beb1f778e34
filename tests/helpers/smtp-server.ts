// A real SMTP server for tests (the smtp-server package) on a free port: it keeps every message it accepts,
// parsed with mailparser, and optionally writes each one as an .eml file (the browser tests read those).
// `refuse(n)` makes it answer the next n messages with a temporary error, as a busy mail server does.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type TestSmtp = {
  url: string;
  port: number;
  messages: ParsedMail[];
  refuse: (n: number) => void;
  /** resolves when at least `count` messages have arrived */
  waitFor: (count: number, timeoutMs?: number) => Promise<ParsedMail[]>;
  stop: () => Promise<void>;
};

export async function startTestSmtp(options: { emlDir?: string } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let refusals = 0;
  let seq = 0;
  if (options.emlDir) mkdirSync(options.emlDir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(_auth, _session, cb) {
      cb(null, { user: "test" });
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (refusals > 0) {
          refusals--;
          const err = Object.assign(new Error("451 4.3.0 一時的に受け付けできません（テスト）"), { responseCode: 451 });
          return cb(err);
        }
        const raw = Buffer.concat(chunks);
        if (options.emlDir) writeFileSync(path.join(options.emlDir, `${Date.now()}-${++seq}.eml`), raw);
        messages.push(await simpleParser(raw));
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://kpi:test-password@127.0.0.1:${port}`,
    port,
    messages,
    refuse: (n) => {
      refusals = n;
    },
    waitFor: async (count, timeoutMs = 15_000) => {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
