// The sign-in answers that ask for the second factor, shared by the server (lib/auth/sign-in.ts) and the sign-in
// form, which shows the code field when it gets one of them. Both come only after a right password.
export const TWO_FACTOR_REQUIRED = "認証アプリに表示されている6桁の確認コードを入力してください。";
export const TWO_FACTOR_WRONG = "確認コードが正しくありません。認証アプリに表示されている最新の6桁のコード、または回復コードを入力してください。";
export const isTwoFactorAnswer = (message: string | null | undefined) => message === TWO_FACTOR_REQUIRED || message === TWO_FACTOR_WRONG;
