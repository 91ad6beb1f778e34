import type { Metadata } from "next";

export const metadata: Metadata = { title: "ページが見つかりません" };

// Every 404 of the app: unknown URLs, KPIs of other organisations' unpublished plans, removed pages.
export default function NotFound() {
  return (
    <>
      <h1>ページが見つかりません</h1>
      <p>お探しのページは、移動したか削除された、またはアドレスが正しくない可能性があります。</p>
      <p>公開前の計画や指標は、その団体の職員がサインインしたときだけ表示されます。</p>
      <ul>
        <li><a href="/">トップページ（総合戦略の一覧）へ</a></li>
        <li><a href="/orgs">団体一覧へ</a></li>
        <li><a href="/opendata">オープンデータへ</a></li>
      </ul>
    </>
  );
}
