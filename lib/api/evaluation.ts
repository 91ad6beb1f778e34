// Opening or closing an evaluation year through the token API: the admin form's mutation (setEvaluationYear),
// its SimpleResult turned into the one refusal so that runAction answers it like every other write.
import { db } from "../db";
import { runAction } from "../actions/action";
import { refuse } from "../actions/refusal";
import type { Actor } from "../authz/permissions";
import { FORBIDDEN, setEvaluationYear } from "../evaluation/mutations";
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
        const r = await setEvaluationYear(db(), a, input);
        if (r.ok === false) refuse(r === FORBIDDEN ? "forbidden" : r.fieldErrors ? "invalid" : "not_found", r.message, r.fieldErrors);
        return { fiscalYear: input.fiscalYear, status: input.status, deadline: input.deadline };
      },
      publishes: true,
      message: "評価年度を更新しました。",
    },
    "route",
  );
}
