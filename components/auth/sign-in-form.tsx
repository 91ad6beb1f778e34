"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";

/** Built-in account sign-in; errors appear beside the form, never as an error page. */
export function SignInForm({ callbackUrl, ssoName }: { callbackUrl: string; ssoName: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setPending(false);
    if (!result || result.error) {
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
          <input id="email" name="email" type="email" autoComplete="username" required aria-describedby={error ? "signin-error" : undefined} />
        </div>
        <div className="form-field">
          <label htmlFor="password">パスワード</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
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
