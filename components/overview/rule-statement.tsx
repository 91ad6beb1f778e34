// The plan's judgement rule in words, with its thresholds (lib/progress/settings.ts), so a reader can reach
// the same status by hand; each KPI's explanation then shows the numbers that produced it.
import { PROJECTION_METHOD } from "@/lib/progress/projection";
import { RULE_NAMES, describeRule, ruleSettings } from "@/lib/progress/settings";
import type { ProgressRule } from "@/lib/progress/types";

export function RuleStatement({ rule, settings, yearLabel }: { rule: ProgressRule; settings: unknown; yearLabel: string }) {
  const lines = describeRule(ruleSettings(rule, settings));
  return (
    <section className="rule-statement" aria-labelledby="rule-heading">
      <h2 id="rule-heading" className="rule-statement__heading">進捗の判定方法：{RULE_NAMES[rule]}</h2>
      <p>進捗状況は{yearLabel}までの最新の実績値で判定しています。その年度の数値がまだない指標（集計中など）は、判定に使った年度を示します。</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li>見込み（グラフの点線）は{PROJECTION_METHOD}で、実績ではありません。</li>
      </ul>
    </section>
  );
}
