// Opening or closing an evaluation year through the token API: the admin form's mutation (setEvaluationYear),
// which refuses like every other write (a past deadline needs "confirmPastDeadline": true here too).
import { db } from "../db";
import { runAction } from "../actions/action";
import type { Actor } from "../authz/permissions";
import { setEvaluationYear } from "../evaluation/year-mutations";
import { objectBody } from "./body";
import { evaluationYearInput } from "./schemas";

export function putEvaluationYear(actor: Actor, planId: string, fiscalYear: number, body: unknown) {
  return runAction(
    actor,
    { ...objectBody(body), planId, fiscalYear },
    {
      name: "api evaluation.set",
      schema: evaluationYearInput,
      run: async (a, input) => {
        await setEvaluationYear(db(), a, input);
        return { fiscalYear: input.fiscalYear, status: input.status, deadline: input.deadline };
      },
      publishes: true,
      message: "評価年度を更新しました。",
    },
    "route",
  );
}
