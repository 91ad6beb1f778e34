// Numbers the Japanese way (1,759) without losing the decimals as printed or stored.

/** 「8709」→「8,709」, 「53.90」→「53.9」, 「-1305」→「-1,305」. Input is a decimal string. */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const negative = value.startsWith("-");
  const [int, frac = ""] = value.replace(/^-/, "").split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = frac.replace(/0+$/, "");
  return `${negative ? "-" : ""}${grouped}${trimmed ? `.${trimmed}` : ""}`;
}

/** A cell as people read it: the printed text when there is one, else the formatted number. */
export function cellText(cell: { value: string | null; text: string | null } | null | undefined): string {
  if (!cell) return "";
  return cell.text ?? formatDecimal(cell.value);
}
