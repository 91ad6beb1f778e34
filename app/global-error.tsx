"use client";
// When even the layout fails: a whole page of its own, in Japanese.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ja">
      <body style={{ fontFamily: "sans-serif", margin: "2rem" }}>
        <h1>処理を完了できませんでした</h1>
        <p role="alert">一時的な問題でページを表示できませんでした。時間をおいて、もう一度お試しください。</p>
        <p>
          <button type="button" onClick={() => reset()}>もう一度試す</button>　<a href="/">トップページへ</a>
        </p>
        {error.digest && <p>問い合わせ番号：{error.digest}</p>}
      </body>
    </html>
  );
}
