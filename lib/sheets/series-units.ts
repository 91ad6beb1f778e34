import "server-only";
import { db } from "../db";

/** seriesId → unit of a measure's value rows (what the sheet schema needs to read 「1,759人」). */
export async function getSeriesUnits(measureId: string): Promise<Record<string, string | null>> {
  const series = await db().valueSeries.findMany({ where: { measureId }, select: { id: true, unit: true } });
  return Object.fromEntries(series.map((s) => [s.id, s.unit]));
}
