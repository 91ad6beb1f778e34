// Password hashing with argon2id (@node-rs/argon2: a maintained native binding shipped through npm).
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;
const PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

// A hash of a random secret with the same parameters: an unknown account, a disabled one or one without a password
// is verified against it, so that every failed sign-in costs the same work and takes the same time.
let decoy: Promise<string> | null = null;
const decoyHash = () => (decoy ??= hash(crypto.randomUUID(), PARAMS));

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  try {
    if (!hashed) {
      await verify(await decoyHash(), password);
      return false;
    }
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
