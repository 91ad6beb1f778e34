"use client";
import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { isTwoFactorAnswer, TWO_FACTOR_WRONG } from "@/lib/auth/two-factor-messages";

/**
 * Built-in account sign-in; errors appear beside the form, never as an error page. With two-factor sign-in on, the
 * server answers the right password with a request for the code: the form then shows the code field and sends the
 * e-mail, password and code together (the password is checked again each time; nothing is kept on the server).
 */
export function SignInForm({ callbackUrl, ssoName }: { callbackUrl: string; ssoName: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [askCode, setAskCode] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (askCode) codeRef.current?.focus();
  }, [askCode, error]);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), code: form.get("code") ?? "", redirect: false });
    setPending(false);
    if (!result || result.error) {
      if (isTwoFactorAnswer(result?.error)) {
        setAskCode(true);
        if (codeRef.current) codeRef.current.value = "";
      } else setAskCode(false);
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "メールアドレスまたはパスワードが正しくありません。");
      return;
    }
    window.location.assign(callbackUrl);
  }
  return (
    <>
      <form onSubmit={onSubmit} className="form" noValidate>
        {error && (
          <p role="alert" className="form-error" id="signin-error">
            {error}
          </p>
        )}
        <div className="form-field">
          <label htmlFor="email">メールアドレス</label>
          <input id="email" name="email" type="email" autoComplete="username" required aria-describedby={error && !askCode ? "signin-error" : undefined} />
        </div>
        <div className="form-field">
          <label htmlFor="password">パスワード</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {askCode && (
          <div className="form-field">
            <label htmlFor="code">確認コード（2段階認証）</label>
            <p className="hint" id="code-hint">
              認証アプリの6桁のコードを入力してください。スマートフォンを使えないときは、回復コード（例 k7m2q-9xt4e）を1つ入力できます。
            </p>
            <input ref={codeRef} id="code" name="code" type="text" autoComplete="one-time-code" required maxLength={40} aria-describedby={error ? "code-hint signin-error" : "code-hint"} aria-invalid={error === TWO_FACTOR_WRONG ? true : undefined} />
          </div>
        )}
        <button type="submit" className="button" disabled={pending}>
          {pending ? "サインイン中…" : "サインイン"}
        </button>
      </form>
      {ssoName && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => signIn("oidc", { callbackUrl })}>
            {ssoName}でサインイン
          </button>
        </p>
      )}
    </>
  );
}
