// Apart from overview-filters.ts (which needs zod) so that the browser's copy of the filter form stays small.

export type DepartmentOption = { id: string; name: string; divisions: { id: string; name: string }[] };

/** The departments whose divisions the 担当課 filter offers: only the chosen department's (all when none is chosen,
 *  or when the chosen one is unknown), so that the division list follows the department even without JavaScript. */
export function divisionChoices(departments: DepartmentOption[], department: string | undefined): DepartmentOption[] {
  const chosen = department ? departments.filter((d) => d.id === department) : [];
  return chosen.length ? chosen : departments;
}
