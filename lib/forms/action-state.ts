// The state of a form driven by a server action: the one result shape (lib/actions/form-state.ts) before and after.
export type { FormState as ActionState } from "../actions/form-state";
