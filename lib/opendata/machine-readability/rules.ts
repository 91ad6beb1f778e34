// The Digital Agency's 「行政データにおける機械可読性に関するルール」 (IDs and names as published in machine-readable
// form in github.com/digital-go-jp/machine_readability_rule, machine-readability-rules.csv). `scope` says which
// files a rule is about; check.ts checks each rule a program can check on our files.
export type RuleScope = "all" | "excel" | "csv";
export type Rule = { id: string; name: string; scope: RuleScope };

export const RULES_SOURCE = "https://github.com/digital-go-jp/machine_readability_rule";

export const RULES: readonly Rule[] = [
  { id: "L1-01", name: "ファイル形式は機械が直接読み取れるExcelやCSV等となっているか", scope: "all" },
  { id: "L1-02", name: "１シート（ファイル）に複数の表が掲載されていないか", scope: "all" },
  { id: "L1-03", name: "データが分断されていないか", scope: "all" },
  { id: "L1-04", name: "データ本体と無関係な情報がないか", scope: "all" },
  { id: "L1-05", name: "すべての列に意味が推測できる項目名が存在するか", scope: "all" },
  { id: "L1-06", name: "スペースや改行等で体裁を整えていないか", scope: "all" },
  { id: "L1-07", name: "１セル１データとなっているか", scope: "all" },
  { id: "L1-08", name: "機種依存文字を使用していないか", scope: "all" },
  { id: "L1-09", name: "空白とゼロが明確に区別されているか", scope: "all" },
  { id: "L1-10", name: "【Excel】オブジェクトを使用していないか", scope: "excel" },
  { id: "L1-11", name: "【Excel】書式でデータの違いを表現していないか", scope: "excel" },
  { id: "L1-12", name: "【Excel】セルの結合をしていないか", scope: "excel" },
  { id: "L1-13", name: "【Excel】不要な行や列が非表示のまま残されていないか", scope: "excel" },
  { id: "L1-14", name: "【CSV】１行１データで表現されているか", scope: "csv" },
  { id: "L1-15", name: "【CSV】文字列にカンマが含まれているフィールドの値はダブルコーテーション（“）で囲んでいるか", scope: "csv" },
  { id: "L2-01", name: "数値データは数値属性とし、文字列を含まないこと", scope: "all" },
  { id: "L2-02", name: "データ内での項目名等の省略をしていないか", scope: "all" },
  { id: "L2-03", name: "各列が一意に識別可能な項目名を持っているか", scope: "all" },
  { id: "L2-04", name: "選択肢回答が標準化されているか", scope: "all" },
  { id: "L2-05", name: "選択肢列と「その他」の詳細記入が分離されているか", scope: "all" },
  { id: "L2-06", name: "【Excel】数式を使用している場合は、数値データに修正しているか", scope: "excel" },
  { id: "L3-01", name: "項目名行から始まり、次行からデータ入力がされているか", scope: "all" },
  { id: "L3-02", name: "回答のコード表が別添されているか", scope: "all" },
  { id: "L3-03", name: "数値データの同一列内に特殊記号（秘匿等）を使用する場合は、その定義を明記しているか", scope: "all" },
  { id: "L3-04", name: "データの単位を記載しているか", scope: "all" },
  { id: "L3-05", name: "時間軸の表記が標準化されているか", scope: "all" },
  { id: "L3-06", name: "地域コード又は正式な地域名称が表記されているか", scope: "all" },
  { id: "L3-07", name: "年によってフォーマットが著しく異なっていないか", scope: "all" },
  { id: "L3-08", name: "データの定義や更新履歴が記載されているか", scope: "all" },
  { id: "L3-09", name: "データが縦持ち形式になっているか", scope: "all" },
];
