// Reading, checking and loading the seed files: one path for the CLI, the launcher and the tests.
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client";
import { readSeedFiles, SeedValidationError } from "./read-seed-files";
import { checkProvenance } from "./check-provenance";
import { loadSeeds, type SeedCounts } from "./load-seeds";

export const SEED_DIR = path.resolve("seeds");

/** Validates every file and its evidence, then loads everything in one transaction (or nothing). */
export async function seedDatabase(prisma: PrismaClient, seedDir = SEED_DIR): Promise<SeedCounts> {
  const set = readSeedFiles(seedDir);
  const problems = checkProvenance(set, path.join(SEED_DIR, "sources"));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return loadSeeds(prisma, set);
}
