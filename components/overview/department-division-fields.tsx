"use client";
// 担当部局 and 担当課: the server already offers only the chosen department's divisions (the plain GET form works
// without JavaScript: choose a department, press 絞り込む, and the division list is narrowed). With JavaScript the
// division list follows the department at once, before the form is sent: this component where React runs the page;
// on a signed-out reader's plain copy (no client runtime: lib/server/plain-html.mjs) the small script of
// ./follow-department-script.ts.
import { useState } from "react";
import { divisionChoices, type DepartmentOption } from "@/lib/plans/division-choices";

export function DepartmentDivisionFields({ departments, department, division }: { departments: DepartmentOption[]; department?: string; division?: string }) {
  const [chosen, setChosen] = useState(department ?? "");
  const [chosenDivision, setChosenDivision] = useState(division ?? "");
  const groups = divisionChoices(departments, chosen || undefined);
  const single = Boolean(chosen) && groups.length === 1;
  return (
    <>
      <div className="field">
        <label htmlFor="filter-department">担当部局</label>
        <select
          id="filter-department"
          name="department"
          value={chosen}
          onChange={(e) => {
            const next = e.target.value;
            setChosen(next);
            // a division of another department would match nothing: back to すべて
            if (next && !divisionChoices(departments, next).some((d) => d.divisions.some((v) => v.id === chosenDivision))) setChosenDivision("");
          }}
        >
          <option value="">すべて</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-division">担当課</label>
        <select id="filter-division" name="division" value={chosenDivision} onChange={(e) => setChosenDivision(e.target.value)}>
          <option value="">すべて</option>
          {single
            ? groups[0].divisions.map((v) => (
                <option key={v.id} value={v.id}>{v.name}</option>
              ))
            : groups.map((d) =>
                d.divisions.length ? (
                  <optgroup key={d.id} label={d.name} data-department={d.id}>
                    {d.divisions.map((v) => (
                      <option key={v.id} value={v.id}>{v.name}</option>
                    ))}
                  </optgroup>
                ) : null,
              )}
        </select>
      </div>
    </>
  );
}
