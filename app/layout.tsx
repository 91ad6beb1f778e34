import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { organizationsWhereCanRead, organizationsWithGrant } from "@/lib/authz/permissions";

export const metadata: Metadata = {
  title: { default: "総合戦略 KPI ダッシュボード", template: "%s | 総合戦略 KPI ダッシュボード" },
  description: "地方創生総合戦略の重要業績評価指標（KPI）の進捗を確認するダッシュボード",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // the menu asks the permission table (its read part, and the grants the linked pages check), not role names
  const reads = (read: "work.view" | "review.view") => (user ? organizationsWhereCanRead(user, read).length > 0 : false);
  const manages = user ? organizationsWithGrant(user, "user.manage").length > 0 : false;
  const setupOrg = user ? organizationsWithGrant(user, "plan.manage")[0] : undefined;
  const setupOf = user?.memberships.find((m) => m.organizationId === setupOrg);
  // admin roles held back until the user signs in with two-factor sign-in (their organisation requires it)
  const heldAdmin = user?.memberships.filter((m) => m.needsTwoFactor).map((m) => m.organizationName) ?? [];
  // read with the session's user (one statement); anonymous pages (and their cached copies) run no query here
  const unread = user?.unreadNotifications ?? 0;
  return (
    <html lang="ja">
      <body>
        <a className="skip-link" href="#main">本文へスキップ</a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-header__title" href="/">総合戦略 KPI ダッシュボード</a>
            <a href="/orgs">団体一覧</a>
            <nav className="site-nav" aria-label="利用者メニュー">
              {user ? (
                <>
                  <a href="/notifications">{unread > 0 ? `お知らせ（未読 ${unread.toLocaleString("ja-JP")}件）` : "お知らせ"}</a>
                  {reads("work.view") && <a href="/work">担当シート</a>}
                  {reads("review.view") && <a href="/review">評価委員の確認</a>}
                  {manages && <a href="/admin">管理</a>}
                  {setupOf && <a href={`/orgs/${setupOf.organizationCode}/setup`}>設定</a>}
                  {user.isOperator && <a href="/system">運用管理</a>}
                  <span>{user.name}</span>
                  <a href="/account">アカウント</a>
                  <SignOutButton />
                </>
              ) : (
                <a href="/signin">サインイン</a>
              )}
            </nav>
          </div>
        </header>
        <main id="main" className="site-main">
          {heldAdmin.length > 0 && (
            <p className="notice-banner" role="note" id="two-factor-required">
              {heldAdmin.join("・")}では、管理者に2段階認証が必須です。管理者の機能を使うには、<a href="/account#two-factor">アカウントのページ</a>で2段階認証を設定し、確認コードを使ってサインインし直してください。
            </p>
          )}
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            出典：各団体の総合戦略 ＫＰＩ分析シート等（公開資料）　<a href="/opendata">オープンデータ（JSON・CSV）</a>　<a href="/accessibility">アクセシビリティ方針</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
