import "server-only";
// The machine-readability check of a plan's downloads for the open-data page, computed from the same files the
// API serves (checkPlanFiles) and kept in the data cache (lib/cache.ts) until published data changes.
import { db } from "../db";
import { cachedData } from "../cache";
import { exportDataset } from "../export/dataset";
import { buildDataXlsx } from "./data-workbook";
import { checkPlanFiles, type FileCheck } from "./machine-readability/plan-files";

export const getPlanFileChecks = cachedData("opendata-plan-checks", async (code: string, slug: string): Promise<FileCheck[]> => {
  const data = await exportDataset(db(), { organizationCode: code, planSlug: slug, audience: "public" });
  return checkPlanFiles(data, await buildDataXlsx(data, new Date(0)));
});
