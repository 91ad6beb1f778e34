// The SMTP transport from the environment: SMTP_URL (smtp://user:pass@host:587 upgrades with STARTTLS when the
// server offers it; smtps://…:465 is TLS from the start) and MAIL_FROM. No SMTP_URL (the embedded demo): no
// transport, and the outbox keeps every message (held) for the admin to read.
import nodemailer, { type Transporter } from "nodemailer";
import { appBaseUrl } from "../notifications/notify";

export type MailTransport = { transporter: Transporter; from: string; secrets: string[] };

export function mailFrom(): string {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  let host = "localhost";
  try {
    host = new URL(appBaseUrl()).hostname || host;
  } catch {
    /* keep localhost */
  }
  return `"総合戦略 KPI ダッシュボード" <no-reply@${host}>`;
}

/** null when SMTP_URL is not set. */
export function transportFromEnv(env: { SMTP_URL?: string; MAIL_FROM?: string } = process.env as { SMTP_URL?: string; MAIL_FROM?: string }): MailTransport | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  let secrets: string[] = [];
  try {
    const u = new URL(url);
    secrets = [decodeURIComponent(u.password), u.password].filter(Boolean);
  } catch {
    /* nodemailer reports a malformed URL when sending */
  }
  const transporter = nodemailer.createTransport({
    url,
    // a dead server must not hold an outbox row (and its lock) for minutes
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return { transporter, from: env.MAIL_FROM || mailFrom(), secrets };
}
