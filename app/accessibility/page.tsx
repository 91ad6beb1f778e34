import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "アクセシビリティ方針",
  description: "総合戦略 KPI ダッシュボードのウェブアクセシビリティ方針：目標とする規格と適合レベル、対象範囲、確認の方法と結果の扱い",
};

// Written as Japanese public bodies publish theirs (総務省「みんなの公共サイト運用ガイドライン」): policy, target,
// scope, and how the pages are checked. No conformance claim (準拠・一部準拠) is made: that needs the test of
// JIS X 8341-3:2016 on sampled pages and its published results, which have not been done.
export default function AccessibilityPage() {
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/">ホーム</a></li>
          <li>アクセシビリティ方針</li>
        </ol>
      </nav>
      <h1>アクセシビリティ方針</h1>
      <p>
        総合戦略 KPI ダッシュボード（以下「このサイト」）は、高齢の方や障害のある方を含め、誰もが地方創生総合戦略の指標（KPI）の進捗を確かめられるよう、ウェブアクセシビリティの確保と向上に取り組みます。
      </p>

      <section aria-labelledby="a11y-target">
        <h2 id="a11y-target">目標とする規格と適合レベル</h2>
        <p>
          日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」の<strong>適合レベル AA に準拠すること</strong>を目標とします。
        </p>
        <p>
          現時点では、同規格に基づく試験（ページを選んで達成基準ごとに確かめ、結果を公開するもの）を実施していないため、「準拠」「一部準拠」などの対応度は表記していません。試験を実施したときは、その結果をこのページで公開します。
        </p>
      </section>

      <section aria-labelledby="a11y-scope">
        <h2 id="a11y-scope">対象範囲</h2>
        <ul>
          <li>このサイトのすべてのページ：トップページ、団体一覧、計画の概要、指標・部局のページ、オープンデータのページ、印刷用シート、サインインの後に使う入力・確認・管理のページ</li>
        </ul>
        <p>次のものは対象外とします。</p>
        <ul>
          <li>ダウンロードして使うデータファイル（CSV・JSON・Excel）。表の形式は<a href="/opendata">オープンデータのページ</a>で、列の意味は<a href="/opendata/columns">列の定義のページ</a>で説明しています。</li>
          <li>各団体が公表している元の資料（PDF 等）と、外部サイトへのリンク先</li>
        </ul>
        <p>
          グラフは、同じ値を表（グラフのすぐ下または横）で示しています。グラフそのものは画像と同じ扱いで、支援技術には読み上げさせず、表を読み上げていただく作りにしています。
        </p>
      </section>

      <section aria-labelledby="a11y-testing">
        <h2 id="a11y-testing">確認の方法</h2>
        <p>次の方法で確認しています。</p>
        <ul>
          <li>自動検査：画面ごとのブラウザテスト（Playwright と Chromium）で axe-core を実行し、検出された問題がないことを確かめています。</li>
          <li>キーボード操作：リンクやフォームはキーボードで操作できる標準の部品で作っています。本文へのスキップと、表の横スクロールがキーボードだけで操作できることをブラウザテストで確かめています。</li>
          <li>画面の幅：幅 390 ピクセル（スマートフォン）で、ページが画面の幅からはみ出さず、グラフのすべての年度が画面に収まり、広い表は表の中で横にスクロールすることをブラウザテストで確かめています。幅 1280 ピクセル（パソコン）とあわせて画面の記録も見ています。</li>
          <li>Lighthouse：主な公開ページ（トップページ、計画の概要、指標のページ、オープンデータのページ）で、アクセシビリティの項目がすべて満点（100）であることを確かめました（令和8年12月6日）。</li>
        </ul>
        <p>
          自動検査で見つけられるのは問題の一部です。スクリーンリーダーでの読み上げなど、人による確かめが十分でない点が残っている可能性があります。
        </p>
      </section>

      <section aria-labelledby="a11y-contact">
        <h2 id="a11y-contact">お気づきの点があるとき</h2>
        <p>
          読みにくい、操作できないなどお気づきの点は、掲載されている計画を策定した団体の総合戦略（地方創生）の担当課へお知らせください。このサイトには専用の問い合わせ窓口はまだ設けていません。
        </p>
      </section>

      <p className="muted">策定：令和8年（2026年）12月6日</p>
    </>
  );
}
