// Two-factor sign-in (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock drift either way) and
// one-time recovery codes. Pure functions: no database, no clock of their own (callers pass `now`).
// - The TOTP secret is stored encrypted (AES-256-GCM) with a key derived by HKDF from AUTH_SECRET, so a copy of the
//   database alone (a backup, a dump) does not give away anyone's second factor.
// - A code is accepted only for a step later than the last one accepted (totpLastStep): one code cannot be used
//   twice, not even within its own 30 seconds.
// - Recovery codes come from crypto.randomBytes, are shown once and kept only as SHA-256 hashes (salted with the
//   user's id, so one table of hashes does not serve for every account).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_ISSUER = "総合戦略KPI";
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

// ---- the secret at rest ----------------------------------------------------------------------------------------

const FORMAT = "v1";

function key(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "kpi-dashboard", "totp-secret-v1", 32));
}

/** A base32 TOTP secret → "v1.<iv>.<tag>.<ciphertext>" (base64url), for User.totpSecret. */
export function encryptSecret(base32: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(authSecret), iv);
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The base32 secret, or null when the value was not made with this key (AUTH_SECRET changed) or was altered. */
export function decryptSecret(stored: string, authSecret: string): string | null {
  const [format, iv, tag, body, extra] = stored.split(".");
  if (format !== FORMAT || !iv || !tag || !body || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(authSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

// ---- TOTP ------------------------------------------------------------------------------------------------------

/** A fresh secret (160 random bits, as RFC 4226 recommends), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totp = (base32: string, label = "") => new TOTP({ issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(base32), algorithm: "SHA1", digits: DIGITS, period: PERIOD });

/** The otpauth:// URI an authenticator app reads from the QR code (issuer and the user's e-mail as the label). */
export function otpauthUri(base32: string, email: string): string {
  return totp(base32, email).toString();
}

/** The secret for typing by hand: groups of four. */
export function groupSecret(base32: string): string {
  return base32.replace(/=+$/, "").match(/.{1,4}/g)?.join(" ") ?? "";
}

/** The 30-second step a timestamp falls in. */
export const stepAt = (now: Date) => Math.floor(now.getTime() / 1000 / PERIOD);

/** A code as typed (spaces allowed) → six digits, or null. */
export function totpCodeShape(input: string): string | null {
  const digits = input.replace(/[\s\u3000-]/g, "").replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The step a code belongs to when it is right for `now` (±1 step) and later than `lastStep`; otherwise null.
 * The caller stores the step as the new lastStep (conditionally, so two requests cannot both use it).
 */
export function matchTotp(base32: string, input: string, now: Date, lastStep: number | null): number | null {
  const code = totpCodeShape(input);
  if (!code) return null;
  const delta = totp(base32).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = stepAt(now) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code an app shows at `now` (tests and the browser test compute codes the same way). */
export function totpCodeAt(base32: string, now: Date): string {
  return totp(base32).generate({ timestamp: now.getTime() });
}

// ---- recovery codes --------------------------------------------------------------------------------------------

// Crockford's base32 (no I, L, O, U): 32 symbols, so each random byte's low five bits pick one without bias, and
// what a person misreads (O for 0, I or L for 1) is read back as meant.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const CODE_LENGTH = 10;

/** Ten new codes such as "k7m2q-9xt4e" (50 random bits each). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(CODE_LENGTH)].map((b) => ALPHABET[b & 31]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed → its canonical form (lower case, no separators), or null when it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s-]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return s.length === CODE_LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

/** What is stored: SHA-256 over the user's id and the canonical code. */
export function hashRecoveryCode(userId: string, canonical: string): string {
  return createHash("sha256").update(`${userId}:${canonical}`).digest("hex");
}

/** A second factor as typed: a six-digit TOTP code, a recovery code, or nothing usable. */
export function classifyCode(input: string): { kind: "totp"; code: string } | { kind: "recovery"; canonical: string } | null {
  const code = totpCodeShape(input);
  if (code) return { kind: "totp", code };
  const canonical = normalizeRecoveryCode(input);
  return canonical ? { kind: "recovery", canonical } : null;
}
