// An organisational unit's path: its parent's names and its own, joined by " / " (「商工労働部 / 商工政策課」).
// The path is unique within an organisation, so two 課 of the same name may sit under different 部.
export const PATH_SEPARATOR = " / ";

export function joinUnitPath(parentPath: string | null, name: string): string {
  return parentPath ? `${parentPath}${PATH_SEPARATOR}${name}` : name;
}

/** Why a unit name cannot be used, or null: empty, too long, or containing the path separator "/". */
export function unitNameProblem(name: string): string | null {
  const n = name.trim();
  if (!n) return "名称を入力してください";
  if (n.length > 60) return "名称は60文字以内にしてください";
  if (n.includes("/") || n.includes("／")) return "名称に「/」は使えません";
  return null;
}

/** The new paths of a unit and its children after a rename or a move (children keep their own names). */
export function recomputePaths(unit: { id: string; name: string }, parentPath: string | null, children: readonly { id: string; name: string }[]): { id: string; path: string }[] {
  const own = joinUnitPath(parentPath, unit.name);
  return [{ id: unit.id, path: own }, ...children.map((c) => ({ id: c.id, path: joinUnitPath(own, c.name) }))];
}
