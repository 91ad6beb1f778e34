// Words of the SYNTHETIC benchmark dataset (bench/generate-national-dataset.ts). Plausible shapes, invented
// content: nothing here describes a real organisation, and none of it is ever loaded by the real seed (seeds/).

/** 部 (departments) and their 課 (divisions): each synthetic organisation has all five with three each. */
export const DEPARTMENTS: { name: string; divisions: string[] }[] = [
  { name: "総務部", divisions: ["総務課", "危機管理防災課", "財政課"] },
  { name: "企画振興部", divisions: ["企画課", "地域振興課", "デジタル推進課"] },
  { name: "健康福祉部", divisions: ["健康づくり推進課", "子ども未来課", "高齢者支援課"] },
  { name: "商工観光労働部", divisions: ["商工振興課", "観光振興課", "労働雇用創生課"] },
  { name: "農林水産部", divisions: ["農業技術課", "林業振興課", "水産振興課"] },
];

/** 基本目標 and their 施策: four goals with three policies each. */
export const GOALS: { title: string; policies: string[] }[] = [
  { title: "しごとをつくり、安心して働けるようにする", policies: ["地域産業の競争力強化", "観光の振興", "農林水産業の成長産業化"] },
  { title: "ひとの流れをつくる", policies: ["移住・定住の促進", "関係人口の創出", "若者の地元定着"] },
  { title: "結婚・出産・子育ての希望をかなえる", policies: ["子育て支援の充実", "健康づくりの推進", "教育環境の充実"] },
  { title: "魅力的な地域をつくる", policies: ["防災・減災の推進", "デジタル化の推進", "持続可能な行政運営"] },
];

/** KPI names with their unit and a typical baseline magnitude; a plan takes 50 of them in order. */
export const KPI_TEMPLATES: { name: string; unit: string; base: number; decimals?: number }[] = [
  { name: "新規創業件数", unit: "件", base: 120 },
  { name: "企業誘致件数", unit: "件", base: 18 },
  { name: "製造品出荷額等", unit: "億円", base: 2840, decimals: 1 },
  { name: "観光入込客数", unit: "万人", base: 512, decimals: 1 },
  { name: "外国人宿泊者数", unit: "人泊", base: 84500 },
  { name: "観光消費額", unit: "億円", base: 310, decimals: 1 },
  { name: "農業産出額", unit: "億円", base: 1230, decimals: 1 },
  { name: "新規就農者数", unit: "人", base: 210 },
  { name: "木材生産量", unit: "千m3", base: 980 },
  { name: "県産農林水産物の輸出額", unit: "億円", base: 64, decimals: 1 },
  { name: "移住相談件数", unit: "件", base: 1450 },
  { name: "移住者数", unit: "人", base: 820 },
  { name: "ふるさと納税の寄附件数", unit: "件", base: 36000 },
  { name: "関係人口創出事業の参加者数", unit: "人", base: 2400 },
  { name: "大学生の県内就職率", unit: "%", base: 42.5, decimals: 1 },
  { name: "高校生の県内就職率", unit: "%", base: 71.2, decimals: 1 },
  { name: "合計特殊出生率", unit: "", base: 1.56, decimals: 2 },
  { name: "保育所等の待機児童数", unit: "人", base: 85 },
  { name: "放課後児童クラブの登録児童数", unit: "人", base: 15800 },
  { name: "子育て世代包括支援センターの利用者数", unit: "人", base: 9200 },
  { name: "特定健診の受診率", unit: "%", base: 38.4, decimals: 1 },
  { name: "健康寿命（男性）", unit: "年", base: 72.3, decimals: 2 },
  { name: "がん検診の受診率", unit: "%", base: 45.1, decimals: 1 },
  { name: "全国学力・学習状況調査の平均正答率", unit: "%", base: 63.2, decimals: 1 },
  { name: "自主防災組織の活動カバー率", unit: "%", base: 86.3, decimals: 1 },
  { name: "防災士の資格取得者数", unit: "人", base: 1027 },
  { name: "耐震化された住宅の割合", unit: "%", base: 84.0, decimals: 1 },
  { name: "行政手続のオンライン化率", unit: "%", base: 28.0, decimals: 1 },
  { name: "光ファイバ整備率", unit: "%", base: 97.1, decimals: 1 },
  { name: "地域公共交通の利用者数", unit: "千人", base: 4620 },
  { name: "空き家バンクの成約件数", unit: "件", base: 96 },
  { name: "地域おこし協力隊の定着率", unit: "%", base: 61.0, decimals: 1 },
  { name: "女性の就業率", unit: "%", base: 70.4, decimals: 1 },
  { name: "有効求人倍率", unit: "倍", base: 1.42, decimals: 2 },
  { name: "障がい者の実雇用率", unit: "%", base: 2.31, decimals: 2 },
  { name: "高齢者の就業者数", unit: "人", base: 48200 },
  { name: "介護人材の確保数", unit: "人", base: 31500 },
  { name: "認知症サポーター数", unit: "人", base: 210000 },
  { name: "再生可能エネルギーの導入量", unit: "万kW", base: 245, decimals: 1 },
  { name: "温室効果ガス排出量", unit: "万t-CO2", base: 1180, decimals: 1 },
  { name: "一般廃棄物のリサイクル率", unit: "%", base: 21.8, decimals: 1 },
  { name: "県立図書館の利用者数", unit: "人", base: 398000 },
  { name: "文化施設の入館者数", unit: "人", base: 512000 },
  { name: "スポーツ実施率", unit: "%", base: 51.2, decimals: 1 },
  { name: "ボランティア活動の参加者数", unit: "人", base: 64000 },
  { name: "地域運営組織の数", unit: "団体", base: 142 },
  { name: "中心市街地の歩行者通行量", unit: "人/日", base: 28400 },
  { name: "公共施設の延床面積", unit: "千m2", base: 3620 },
  { name: "交通事故死者数", unit: "人", base: 58 },
  { name: "刑法犯認知件数", unit: "件", base: 5120 },
];

/** Sentences of the three narratives (取組状況／課題等／今後の方向性); {kpi} is replaced by the KPI's name. */
export const EFFORT_SENTENCES = [
  "{kpi}の向上に向け、関係機関と連携した説明会を県内各地で開催し、延べ多数の参加を得た。",
  "市町村や民間事業者と協働し、地域の実情に応じた支援メニューを整理して周知を図った。",
  "前年度の実績を踏まえて事業の対象を見直し、重点地域での取組を強化した。",
  "オンラインと対面を組み合わせた相談体制を整え、相談から支援までの期間を短縮した。",
  "・専門人材による伴走支援を実施し、個別の課題に応じた助言を行った。",
  "・広報紙やSNSを活用し、制度の周知と事例の紹介を継続的に行った。",
  "・事業者向けの補助制度を拡充し、新たな取組の立上げを後押しした。",
  "庁内の関係課による連絡会議を定期的に開催し、施策間の連携を図った。",
];
export const ISSUE_SENTENCES = [
  "{kpi}は基準値から改善しているものの、目標の達成には取組の一層の加速が必要である。",
  "地域ごとの取組状況に差があり、取組が進んでいない地域への働きかけが課題となっている。",
  "人口減少と高齢化の進行により、担い手の確保が年々難しくなっている。",
  "物価や人件費の上昇が事業者の負担となっており、支援の在り方を検討する必要がある。",
  "・制度の認知度が十分とはいえず、対象者に情報が届いていない。",
  "・成果の把握に時間を要し、年度内の進捗確認が難しい。",
  "新型感染症の影響からの回復が業種によって異なり、一律の支援では効果が限られる。",
];
export const DIRECTION_SENTENCES = [
  "引き続き関係機関と連携し、{kpi}の目標達成に向けて取組を着実に進める。",
  "地域ごとの課題を分析し、重点的に支援すべき対象を明確にした上で事業を展開する。",
  "デジタル技術を活用して手続の負担を軽減し、より多くの対象者の利用につなげる。",
  "・先進事例を収集して横展開を図り、取組の裾野を広げる。",
  "・成果指標の把握方法を見直し、進捗を年度途中でも確認できるようにする。",
  "民間事業者や大学との連携を強化し、持続的な推進体制の構築を目指す。",
  "事業の効果を検証し、次期計画に向けて施策の重点化を図る。",
];
