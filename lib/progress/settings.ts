// The judgement rules a plan can use, their settings (thresholds in percent) with defaults, their scales (the
// statuses a KPI can get, best first, which are also the choices for an official rating) and their description
// in words. Pure: the plan's stored progressSettings are read through the rule's zod schema.
import { z } from "zod";
import type { ProgressRule, StatusCode } from "./types";

const percent = (fallback: number) => z.coerce.number().min(-1000).max(1000).default(fallback);

export const RULE_SETTING_SCHEMAS = {
  /** 熊本県方式: 達成 / 概ね順調 (≥ onTrack %) / 遅れ (> 0 %) / 悪化 */
  default: z.object({ onTrack: percent(80), expectedPath: z.boolean().default(true) }),
  /** 嘉麻市方式: ○ (≥ good %) / △ / × (actual unknown); its document rates 比較値 ÷ 目標値 in every year */
  kama: z.object({ good: percent(80) }),
  /** S (達成) / A (≥ a %) / B (> b %) / C */
  grades: z.object({ a: percent(80), b: percent(0), expectedPath: z.boolean().default(true) }),
  /** ◎ (達成) / ○ (≥ good %) / △ (> fair %) / × */
  marks: z.object({ good: percent(80), fair: percent(0), expectedPath: z.boolean().default(true) }),
  /** 達成 / 順調 (on the expected path) / やや遅れ (≥ nearly % of it) / 遅れ; yearlyShare % of the way each year */
  expected: z.object({ yearlyShare: percent(20), nearly: percent(80), expectedPath: z.boolean().default(true) }),
} as const;

export type RuleSettings = {
  [R in ProgressRule]: { rule: R } & z.output<(typeof RULE_SETTING_SCHEMAS)[R]>;
}[ProgressRule];

/** The settings a plan's administrator edits for each rule (percent thresholds), with their labels. */
export const RULE_SETTING_FIELDS: Record<ProgressRule, { key: string; label: string; hint: string }[]> = {
  default: [{ key: "onTrack", label: "「概ね順調」とする進捗率（%以上）", hint: "熊本県の評価では80。0%を超えこれ未満は「遅れ」、0%以下は「悪化」。" }],
  kama: [{ key: "good", label: "「○」とする割合（%以上）", hint: "嘉麻市の評価では80。これ未満は「△」、実績が分からないものは「×」。" }],
  grades: [
    { key: "a", label: "「A」とする進捗率（%以上）", hint: "目標値に達したものは「S」。" },
    { key: "b", label: "「B」とする進捗率（%を超える）", hint: "これ以下は「C」。0 なら基準値から改善したものが「B」。" },
  ],
  marks: [
    { key: "good", label: "「○」とする進捗率（%以上）", hint: "目標値に達したものは「◎」。" },
    { key: "fair", label: "「△」とする進捗率（%を超える）", hint: "これ以下は「×」。0 なら基準値から改善したものが「△」。" },
  ],
  expected: [
    { key: "yearlyShare", label: "毎年度の見込み（基準値から目標値までの何%ずつ）", hint: "5年計画で毎年度同じだけ進む見込みなら20。" },
    { key: "nearly", label: "「やや遅れ」とする見込み比（%以上）", hint: "見込み比100%以上は「順調」、これ未満は「遅れ」。" },
  ],
};

export const RULE_NAMES: Record<ProgressRule, string> = {
  default: "熊本県方式（達成・概ね順調・遅れ・悪化）",
  kama: "嘉麻市方式（○・△・×）",
  grades: "S・A・B・C の4段階",
  marks: "◎・○・△・× の4段階",
  expected: "毎年度の見込み（達成・順調・やや遅れ・遅れ）",
};

/** The statuses a rule gives, best first; an official rating is chosen from these labels. */
export const RULE_SCALES: Record<ProgressRule, readonly StatusCode[]> = {
  default: ["achieved", "on_track", "behind", "worse", "not_achieved"],
  kama: ["good", "fair", "poor"],
  grades: ["s", "a", "b", "c", "not_achieved"],
  marks: ["excellent", "good", "fair", "poor", "not_achieved"],
  expected: ["achieved", "on_course", "slightly_behind", "behind", "not_achieved"],
};

/** A form's settings (strings, a checkbox as "on"/"off") → the rule's settings, or the field errors. */
export function parseRuleSettingsForm(rule: ProgressRule, raw: Record<string, unknown> | undefined): { ok: true; settings: Record<string, number | boolean> } | { ok: false; errors: Record<string, string> } {
  const schema = RULE_SETTING_SCHEMAS[rule];
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of RULE_SETTING_FIELDS[rule]) {
    const v = raw?.[f.key];
    if (v === undefined || v === "") continue;
    const text = String(v).normalize("NFKC").trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) errors[f.key] = "数値（%）で入力してください";
    else input[f.key] = Number(text);
  }
  if (rule !== "kama" && raw?.expectedPath !== undefined) input.expectedPath = raw.expectedPath === true || raw.expectedPath === "on";
  const parsed = schema.safeParse(input);
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0] ?? "form")] ??= "−1000〜1000の数値で入力してください";
  if (Object.keys(errors).length) return { ok: false, errors };
  const settings = parsed.data as Record<string, number | boolean>;
  // thresholds that would make a status unreachable
  if (rule === "grades" && Number(settings.b) >= Number(settings.a)) return { ok: false, errors: { b: "「B」の値は「A」の値より小さくしてください" } };
  if (rule === "marks" && Number(settings.fair) >= Number(settings.good)) return { ok: false, errors: { fair: "「△」の値は「○」の値より小さくしてください" } };
  if (rule === "expected" && !(Number(settings.yearlyShare) > 0 && Number(settings.yearlyShare) <= 100)) return { ok: false, errors: { yearlyShare: "0より大きく100以下の数値で入力してください" } };
  if (rule === "expected" && !(Number(settings.nearly) > 0 && Number(settings.nearly) < 100)) return { ok: false, errors: { nearly: "0より大きく100未満の数値で入力してください" } };
  return { ok: true, settings };
}

/** The plan's settings for its rule, completed with the defaults; settings that do not parse give the defaults. */
export function ruleSettings(rule: ProgressRule, stored?: unknown): RuleSettings {
  const schema = RULE_SETTING_SCHEMAS[rule] ?? RULE_SETTING_SCHEMAS.default;
  const input = stored && typeof stored === "object" ? stored : {};
  const parsed = schema.safeParse(input);
  const values = parsed.success ? parsed.data : schema.parse({});
  return { rule, ...values } as RuleSettings;
}

const pct = (n: number) => `${n}%`;

/** Whether intermediate years are judged against the expected path (嘉麻市's document compares with the final
 *  target in every year, so its rule never does). */
export function usesExpectedPath(settings: RuleSettings): boolean {
  return settings.rule !== "kama" && settings.expectedPath;
}

/** The rule in words, with its thresholds, as the plan's page states it. */
export function describeRule(settings: RuleSettings): string[] {
  const path = usesExpectedPath(settings)
    ? settings.rule === "expected"
      ? `目標年度より前の年度は、基準値から目標値までの${pct(settings.yearlyShare)}ずつを毎年度の見込みとし、実績をその見込み値と比べます（計画に年度別の目標値があればそれを見込み値とします）。目標年度は目標値と比べます。`
      : "目標年度より前の年度は、基準値から目標値への直線上の見込み値（計画に年度別の目標値があればその値）と実績を比べ、目標年度は目標値と比べます。"
    : "どの年度も、実績を最終の目標値と比べます。";
  const rate = "進捗率 =（実績値 − 基準値）÷（目標値 − 基準値）。基準値がない指標は 実績値 ÷ 目標値（減らす目標は 目標値 ÷ 実績値）。";
  const within = "計画期間内の累計を数える指標（基準値が前期間の合計のもの）は、実績値 ÷ 目標値で、期間の初めの0からの見込みと比べます。";
  switch (settings.rule) {
    case "default":
      return [`目標値に達していれば「達成」、進捗率が${pct(settings.onTrack)}以上で「概ね順調」、0%を超え${pct(settings.onTrack)}未満で「遅れ」、0%以下（基準値から改善なし）で「悪化」。`, rate, path, within];
    case "kama":
      return [
        `実績値（目標値比較）÷ 目標値 が${pct(settings.good)}以上で「○」、${pct(settings.good)}未満で「△」、実績が分からないか事業を実施していない場合は「×」（嘉麻市の評価方法）。`,
        "実績値（目標値比較）は、期間の合計を目標とする指標は期間内の実績の合計、それ以外は最新の実績です。",
        path,
      ];
    case "grades":
      return [`目標値に達していれば「S」、進捗率が${pct(settings.a)}以上で「A」、${pct(settings.b)}を超え${pct(settings.a)}未満で「B」、${pct(settings.b)}以下で「C」。`, rate, path, within];
    case "marks":
      return [`目標値に達していれば「◎」、進捗率が${pct(settings.good)}以上で「○」、${pct(settings.fair)}を超え${pct(settings.good)}未満で「△」、${pct(settings.fair)}以下で「×」。`, rate, path, within];
    case "expected":
      return [
        `目標値に達していれば「達成」。そうでなければ、見込み値に対する進み具合（見込み比 =（実績値 − 基準値）÷（見込み値 − 基準値））が100%以上で「順調」、${pct(settings.nearly)}以上で「やや遅れ」、${pct(settings.nearly)}未満で「遅れ」。`,
        path,
        within,
      ];
  }
}

/** What the set-up form needs for every rule: its fields with their defaults, whether it has the expected-path
 *  switch (and its default), and its description with the default thresholds. */
export function ruleSettingsSpec(): Record<ProgressRule, { fields: { key: string; label: string; hint: string; defaultValue: number }[]; expectedPath: boolean | null; description: string[] }> {
  const out = {} as ReturnType<typeof ruleSettingsSpec>;
  for (const rule of Object.keys(RULE_SETTING_SCHEMAS) as ProgressRule[]) {
    const defaults = ruleSettings(rule) as unknown as Record<string, number | boolean>;
    out[rule] = {
      fields: RULE_SETTING_FIELDS[rule].map((f) => ({ ...f, defaultValue: Number(defaults[f.key]) })),
      expectedPath: rule === "kama" ? null : Boolean(defaults.expectedPath),
      description: describeRule(ruleSettings(rule)),
    };
  }
  return out;
}
