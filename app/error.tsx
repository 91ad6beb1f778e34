"use client";
// The app's own answer when a page or a form fails unexpectedly (instead of Next's English page), including a
// form whose upload was refused before it reached our code. No error text from the server is shown.
import { useEffect, useRef } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="error-heading">
      <h1 id="error-heading" ref={heading} tabIndex={-1}>処理を完了できませんでした</h1>
      <p role="alert">
        ページの表示または送信の処理中に問題が起きました。入力した内容は保存されていません。
        ファイルを送信した場合は、ファイルの大きさ（10MBまで）と形式（.xlsx）を確かめてください。
      </p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>もう一度試す</button>　<a href="/">トップページへ</a>
      </p>
      {error.digest && <p className="muted">問い合わせ番号：{error.digest}</p>}
    </section>
  );
}
