// The colours of a trend's series (and their targets), in order: the same in the server-drawn chart, the printed
// sheet and the interactive recharts chart, so a series keeps its colour wherever it is drawn.
export const SERIES_COLORS = ["#0017c1", "#c74700", "#197a4b", "#6a00b8"];
