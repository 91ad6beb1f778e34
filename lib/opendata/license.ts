// The licence of an organisation's published data (Organization.dataLicense, default PDL1.0) and how the API
// states it: the name in the JSON body, and in HTTP headers, which can only carry ASCII.

export const DEFAULT_LICENSE = "公共データ利用規約 第1.0版 (PDL1.0)";
export const PDL_URL = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0";
export const CC_BY_4_URL = "https://creativecommons.org/licenses/by/4.0/deed.ja";

/** The text of a well-known licence, when the name says which one it is; null for any other licence. */
export function licenseUrl(name: string): string | null {
  const n = name.normalize("NFKC").replace(/\s+/g, " ");
  if (/PDL ?1\.0\b|公共データ利用規約[（( ]*第1\.0版/.test(n)) return PDL_URL;
  // CC BY-SA / BY-NC … do not match: the version must follow BY directly
  if (/CC[ -]?BY[ -]?4\.0|クリエイティブ・コモンズ 表示 4\.0/i.test(n)) return CC_BY_4_URL;
  return null;
}

/**
 * Headers that name the licence: `X-Data-License` holds the name percent-encoded as UTF-8 (decode it with
 * decodeURIComponent), and `Link: <…>; rel="license"` (RFC 8288) points to the licence text when it is a known one.
 */
export function licenseHeaders(name: string): Record<string, string> {
  const headers: Record<string, string> = { "X-Data-License": encodeURIComponent(name) };
  const url = licenseUrl(name);
  if (url) headers.Link = `<${url}>; rel="license"; title*=UTF-8''${encodeURIComponent(name)}`;
  return headers;
}

/**
 * The credit a reuser must show (PDL1.0 §2: 出典の記載; CC BY 4.0: attribution): the organisation, the plan, where
 * it was taken from and the licence. PDL1.0 also asks an edited work to say that it was edited (編集・加工の旨).
 */
export function attributionText(organizationName: string, planName: string, url: string, license: string): string {
  return `出典：${organizationName}『${planName}』ＫＰＩ分析シート（${url}）、${license}`;
}

export const EDIT_NOTICE = "編集・加工して利用する場合は、その旨も記載してください（例：「…を加工して作成」）。";
