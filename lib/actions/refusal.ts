// The one way a mutation says no: a Refusal thrown inside the transaction (which rolls it back) and turned
// into the one result shape by runAction. The codes map to HTTP statuses for the API.
export const REFUSAL_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  state: 409,
  closed: 409,
  too_large: 413,
} as const;
export type RefusalCode = keyof typeof REFUSAL_STATUS;

export const MESSAGES = {
  unauthenticated: "サインインしてください。",
  forbidden: "この操作を行う権限がありません。",
  invalid: "入力内容を確認してください。",
  generic: "処理できませんでした。時間をおいてもう一度お試しください。",
} as const;

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
    /** extra data for the caller, e.g. the current row on a conflict */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = "Refusal";
  }
}

export function refuse(code: RefusalCode, message: string, fieldErrors?: Record<string, string>, detail?: unknown): never {
  throw new Refusal(code, message, fieldErrors, detail);
}
