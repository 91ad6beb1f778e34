"use client";
// When even the root layout fails: a whole page of its own, in Japanese, dressed as the site (the same stylesheet,
// header and footer, without the parts that need the failed layout's data: the signed-in user's menu).
// Next gives this page no metadata, so it names itself with one <title> (React places it in the head).
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ja">
      <body>
        <title>処理を完了できませんでした | 総合戦略 KPI ダッシュボード</title>
        <a className="skip-link" href="#main">本文へスキップ</a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-header__title" href="/">総合戦略 KPI ダッシュボード</a>
            <a href="/orgs">団体一覧</a>
          </div>
        </header>
        <main id="main" className="site-main">
          <h1>処理を完了できませんでした</h1>
          <p role="alert">一時的な問題でページを表示できませんでした。時間をおいて、もう一度お試しください。</p>
          <p>
            <button type="button" className="button" onClick={() => reset()}>もう一度試す</button>　<a href="/">トップページへ</a>
          </p>
          {error.digest && <p className="muted">問い合わせ番号：{error.digest}</p>}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <a href="/opendata">オープンデータ（JSON・CSV）</a>　<a href="/accessibility">アクセシビリティ方針</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
