// The bar colour of each status in the overview's chart (the server-drawn SVG and the interactive chart alike).
// unknown status codes (new rule presets) are drawn in the neutral colour
const COLORS: Partial<Record<string, string>> = {
  achieved: "#197a4b",
  good: "#197a4b",
  on_track: "#0017c1",
  behind: "#c74700",
  fair: "#c74700",
  not_achieved: "#c74700",
  worse: "#ce0000",
  poor: "#ce0000",
  not_judgeable: "#666666",
  s: "#197a4b",
  excellent: "#197a4b",
  a: "#0017c1",
  on_course: "#0017c1",
  b: "#c74700",
  slightly_behind: "#c74700",
  c: "#ce0000",
};

export const statusColor = (status: string): string => COLORS[status] ?? "#666666";
