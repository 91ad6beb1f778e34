import { parsePrintedNumber } from "../values/printed-number";

/** The number of a seeded cell: the explicit `number` when given, else what the printed text reads as. */
export function cellNumber(cell: { value: string; number?: string }): string | null {
  return cell.number ?? parsePrintedNumber(cell.value);
}
