"use client";
// The plan's judgement rule and its thresholds: the select, then the settings of the chosen rule (named
// progressSettings.<key>, so each error sits beside its field). Without JavaScript the fields of the rule saved
// last are shown; a newly chosen rule starts from its defaults, which the page then shows for editing.
import { useState } from "react";
import { Field, useFieldError } from "./setup-form";

export type RuleChoice = { value: string; label: string };
export type RuleSettingField = { key: string; label: string; hint: string; defaultValue: number };
export type RuleSettingsSpec = Record<string, { fields: RuleSettingField[]; expectedPath: boolean | null; description: string[] }>;

export function RuleSettingsFields({ formId, rules, spec, rule, settings }: { formId: string; rules: RuleChoice[]; spec: RuleSettingsSpec; rule: string; settings: Record<string, unknown> }) {
  const [chosen, setChosen] = useState(rule);
  const current = spec[chosen];
  const sameRule = chosen === rule;
  const value = (key: string, fallback: number) => String(sameRule && typeof settings[key] === "number" ? settings[key] : fallback);
  const pathError = useFieldError("progressSettings.expectedPath");
  return (
    <fieldset className="rule-settings">
      <legend>進捗の判定方法</legend>
      <div className="form-field">
        <label htmlFor={`${formId}-progressRule`}>
          判定方法<span className="muted">（必須）</span>
        </label>
        <select id={`${formId}-progressRule`} name="progressRule" value={chosen} onChange={(e) => setChosen(e.target.value)} required>
          {rules.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      {current && (
        <>
          <ul className="hint">
            {current.description.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {current.fields.map((f) => (
            <Field key={`${chosen}-${f.key}`} name={`progressSettings.${f.key}`} label={f.label} hint={f.hint} defaultValue={value(f.key, f.defaultValue)} type="number" inputMode="numeric" required />
          ))}
          {current.expectedPath !== null && (
            <div className="form-field">
              <input type="hidden" name="progressSettings.expectedPath" value="off" />
              <label>
                <input
                  key={`${chosen}-expectedPath`}
                  type="checkbox"
                  name="progressSettings.expectedPath"
                  value="on"
                  defaultChecked={sameRule && typeof settings.expectedPath === "boolean" ? settings.expectedPath : current.expectedPath}
                  aria-invalid={pathError ? true : undefined}
                />{" "}
                目標年度より前の年度は、目標値までの見込み値と比べる
              </label>
              {pathError && <p className="field-error">{pathError}</p>}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
