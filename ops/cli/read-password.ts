// The password of an account made from the command line: ADMIN_PASSWORD for scripted set-ups, otherwise asked
// in the terminal. Without a terminal (a script, CI) and without ADMIN_PASSWORD, it says so and stops instead of
// waiting on a closed input.
import { createInterface } from "node:readline/promises";
import { MIN_PASSWORD_LENGTH } from "../../lib/auth/passwords";

export async function readNewPassword(): Promise<string> {
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error(`パスワードを入力する端末がありません。環境変数 ADMIN_PASSWORD にパスワード（${MIN_PASSWORD_LENGTH}文字以上）を設定して実行してください。\nNo terminal to ask for the password: set ADMIN_PASSWORD.`);
      process.exit(2);
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question(`パスワード（${MIN_PASSWORD_LENGTH}文字以上）: `);
    rl.close();
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`);
    process.exit(2);
  }
  return password;
}
