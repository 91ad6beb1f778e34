// The KPI set-up form (指標の設定) ⇄ a definition of measureDefinitionSchema. The form has fixed slots (a few
// owners, series and yearly targets, no client-side adding), named by the zod paths they fill
// ("series.0.target.value"), so a field error's key is the name of the field it belongs to. Empty slots are left
// out of the definition, which shifts the array indices: `slots` remembers which slot each entry came from, and
// `slotFieldErrors` turns the schema's keys back into the form's.
import { toStoredCell } from "./measure-schema";
import type { CanonicalMeasure } from "./definition";

/** How an owner select's value joins 部 and 課 (the unit's path, as OrgUnit.path writes it). */
export const OWNER_SEPARATOR = " / ";

export type FormSlots = { owners: number[]; series: number[]; yearlyTargets: number[][] };
export type MeasureFormInput = {
  planId: string;
  currentNumber: string | null;
  /** the definition's digest when the form was opened (optimistic locking) */
  expected: string | null;
  reason: string | null;
  definition: Record<string, unknown>;
};

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const blank = (s: string) => s.trim() === "";
/** the indices present in the form for a repeated group, e.g. series.0, series.1, … */
function indices(form: FormData, prefix: string): number[] {
  const found = new Set<number>();
  const re = new RegExp(`^${prefix.replace(/\./g, "\\.")}\\.(\\d+)\\.`);
  for (const key of form.keys()) {
    const m = re.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** FormData of the set-up form → the action's input, and which slot each owner/series/yearly target came from. */
export function measureFormToInput(form: FormData): { input: MeasureFormInput; slots: FormSlots } {
  const slots: FormSlots = { owners: [], series: [], yearlyTargets: [] };
  const owners = indices(form, "owners").flatMap((i) => {
    const value = text(form, `owners.${i}.department`);
    if (blank(value)) return [];
    slots.owners.push(i);
    const at = value.indexOf(OWNER_SEPARATOR);
    return [at < 0 ? { department: value, division: null } : { department: value.slice(0, at), division: value.slice(at + OWNER_SEPARATOR.length) }];
  });
  const series = indices(form, "series").flatMap((i) => {
    const f = (name: string) => text(form, `series.${i}.${name}`);
    if (f("remove") !== "") return []; // 「この系列を削除」
    const baseline = { year: f("baseline.year"), value: f("baseline.value"), text: f("baseline.text") };
    const target = {
      kind: f("target.kind"),
      direction: f("target.direction"),
      year: f("target.year"),
      value: f("target.value"),
      text: f("target.text"),
      periodStart: f("target.periodStart"),
      periodEnd: f("target.periodEnd"),
    };
    const yearSlots: number[] = [];
    const yearlyTargets = indices(form, `series.${i}.yearlyTargets`).flatMap((j) => {
      const y = { year: f(`yearlyTargets.${j}.year`), value: f(`yearlyTargets.${j}.value`), text: f(`yearlyTargets.${j}.text`) };
      if (blank(y.year) && blank(y.value) && blank(y.text)) return [];
      yearSlots.push(j);
      return [y];
    });
    const hasBaseline = !blank(baseline.value) || !blank(baseline.text);
    // a target is there when anything but its defaults (direction, year selects) was given
    const hasTarget = !blank(target.kind) || !blank(target.value) || !blank(target.text);
    const empty = blank(f("label")) && blank(f("unit")) && !hasBaseline && !hasTarget && yearlyTargets.length === 0 && blank(f("aggregation"));
    if (empty) return [];
    slots.series.push(i);
    slots.yearlyTargets.push(yearSlots);
    return [
      {
        label: f("label"),
        unit: f("unit"),
        // a baseline of only its year (set through the workbook or the API) is kept, not dropped on an unchanged save
        baseline: hasBaseline || !blank(baseline.year) ? baseline : null,
        // an empty kind reaches zod as undefined: "目標の種類を選んでください" beside the select
        target: hasTarget ? { ...target, kind: blank(target.kind) ? undefined : target.kind } : null,
        aggregation: f("aggregation"),
        countsWithinPeriod: f("countsWithinPeriod") !== "",
        yearlyTargets,
      },
    ];
  });
  const notes = text(form, "notes")
    .split(/\r\n?|\n/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
  const currentNumber = text(form, "currentNumber");
  return {
    input: {
      planId: text(form, "planId"),
      currentNumber: blank(currentNumber) ? null : currentNumber,
      expected: blank(text(form, "expected")) ? null : text(form, "expected"),
      reason: blank(text(form, "reason")) ? null : text(form, "reason"),
      definition: {
        number: text(form, "number"),
        name: text(form, "name"),
        kind: blank(text(form, "kind")) ? undefined : text(form, "kind"),
        section: text(form, "section"),
        footnote: text(form, "footnote"),
        notes,
        owners,
        series,
      },
    },
    slots,
  };
}

/** The schema's field error keys (definition.series.0.target.value, compacted indices) → the form's field names. */
export function slotFieldErrors(errors: Record<string, string> | undefined, slots: FormSlots): Record<string, string> | undefined {
  if (!errors) return errors;
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const parts = key.replace(/^definition\./, "").split(".");
    if (parts[0] === "owners" && parts.length > 1) parts[1] = String(slots.owners[Number(parts[1])] ?? parts[1]);
    if (parts[0] === "series" && parts.length > 1) {
      const k = Number(parts[1]);
      parts[1] = String(slots.series[k] ?? parts[1]);
      if (parts[2] === "yearlyTargets" && parts.length > 3) parts[3] = String(slots.yearlyTargets[k]?.[Number(parts[3])] ?? parts[3]);
    }
    out[parts.join(".")] ??= message;
  }
  return out;
}

/** The form's initial values (field name → value) for a stored definition. A printed text that is just the
 *  number's usual form (「1,500」 for 1500) is left empty, so that changing the number does not keep a stale text. */
export function definitionToFormValues(m: CanonicalMeasure): Record<string, string> {
  const v: Record<string, string> = {
    number: m.number,
    name: m.name,
    kind: m.kind,
    section: m.section ?? "",
    footnote: m.footnote ?? "",
    notes: m.notes.join("\n"),
  };
  m.owners.forEach((o, i) => (v[`owners.${i}.department`] = o.division ? `${o.department}${OWNER_SEPARATOR}${o.division}` : o.department));
  const cell = (prefix: string, c: { value: string | null; text: string | null }, unit: string | null) => {
    // a text cell (「－」「完了」) goes to the text box: a milestone's target is its text
    v[`${prefix}.value`] = c.value ?? "";
    const derived = c.value !== null ? toStoredCell(c.value, null, unit).text : null;
    v[`${prefix}.text`] = c.text !== null && c.text !== derived ? c.text : "";
  };
  m.series.forEach((s, i) => {
    const p = `series.${i}`;
    v[`${p}.label`] = s.label;
    v[`${p}.unit`] = s.unit ?? "";
    v[`${p}.aggregation`] = s.aggregation ?? "";
    v[`${p}.countsWithinPeriod`] = s.countsWithinPeriod ? "1" : "";
    if (s.baseline) {
      v[`${p}.baseline.year`] = s.baseline.year === null ? "" : String(s.baseline.year);
      cell(`${p}.baseline`, s.baseline, s.unit);
    }
    if (s.target) {
      const t = s.target;
      v[`${p}.target.kind`] = t.kind;
      v[`${p}.target.direction`] = t.direction ?? "";
      v[`${p}.target.year`] = t.year === null ? "" : String(t.year);
      v[`${p}.target.periodStart`] = t.periodStart === null ? "" : String(t.periodStart);
      v[`${p}.target.periodEnd`] = t.periodEnd === null ? "" : String(t.periodEnd);
      cell(`${p}.target`, t, s.unit);
    }
    s.yearlyTargets.forEach((y, j) => {
      v[`${p}.yearlyTargets.${j}.year`] = String(y.year);
      cell(`${p}.yearlyTargets.${j}`, y, s.unit);
    });
  });
  return v;
}
