// One transaction helper for every write: SERIALIZABLE, retried a few times when PostgreSQL reports a
// serialisation failure (two writers racing on the same rows), then answered as a conflict.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { Refusal } from "./refusal";

export type Tx = Prisma.TransactionClient;

const SERIALIZATION_FAILURE = "P2034";
const ATTEMPTS = 3;

function isSerializationFailure(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const code = (e as { code?: unknown }).code;
  if (code === SERIALIZATION_FAILURE || code === "40001") return true;
  const cause = (e as { cause?: { code?: unknown } }).cause;
  return cause?.code === "40001";
}

export async function inTransaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(fn, { isolationLevel: "Serializable", timeout: options.timeout ?? 30_000, maxWait: 10_000 });
    } catch (e) {
      if (!isSerializationFailure(e)) throw e;
      if (attempt >= ATTEMPTS) throw new Refusal("conflict", "同時に変更されたため保存できませんでした。画面を開き直して、もう一度お試しください。");
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}
