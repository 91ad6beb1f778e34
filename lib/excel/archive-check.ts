// An .xlsx is a ZIP archive, and a ZIP of a few hundred kB can expand to gigabytes (a "zip bomb"). Before exceljs
// parses anything, the archive's directory is read here and the upload refused when it has too many entries, when
// the sizes it declares add up to too much, when one entry is compressed beyond any real spreadsheet's ratio, or
// when an entry inflates to more than it declares (checked by inflating with a cap, never past the limit). No
// dependency: the ZIP directory format is small and fixed (PKWARE APPNOTE 4.3).
import { inflateRawSync } from "node:zlib";

export const ARCHIVE_LIMITS = {
  entries: 2_000,
  /** declared (and checked) uncompressed size of all entries together */
  totalBytes: 50 * 1024 * 1024,
  /** compression ratio of one entry above 1 MB: real worksheets stay well below this */
  ratio: 200,
} as const;

export type ArchiveCheck = { ok: true } | { ok: false; reason: "not_zip" | "too_large"; message: string };

const NOT_ZIP: ArchiveCheck = { ok: false, reason: "not_zip", message: "Excel ファイル（.xlsx）として読み込めませんでした。" };
const tooLarge = (detail: string): ArchiveCheck => ({
  ok: false,
  reason: "too_large",
  message: `このファイルは展開すると大きすぎるため読み込めません（${detail}）。シートの余分な行や列、画像を削除してから、もう一度アップロードしてください。`,
});
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function inspectXlsxArchive(bytes: Uint8Array): ArchiveCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (bytes.length < 22 || u32(0) !== 0x04034b50) return NOT_ZIP;
  // the end-of-central-directory record: within the last 64 kB + 22 bytes (after an optional comment)
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return NOT_ZIP;
  const count = u16(eocd + 10);
  const directoryOffset = u32(eocd + 16);
  // ZIP64 markers: no spreadsheet a person uploads here needs one
  if (count === 0xffff || directoryOffset === 0xffffffff) return tooLarge("ZIP64");
  if (count > ARCHIVE_LIMITS.entries) return tooLarge(`ファイル数 ${count}、上限 ${ARCHIVE_LIMITS.entries}`);
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return NOT_ZIP;
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const declared = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    total += declared;
    if (total > ARCHIVE_LIMITS.totalBytes) return tooLarge(`展開後 ${MB(total)} 以上、上限 ${MB(ARCHIVE_LIMITS.totalBytes)}`);
    if (declared > 1024 * 1024 && declared / Math.max(compressed, 1) > ARCHIVE_LIMITS.ratio) return tooLarge(`圧縮率 ${Math.round(declared / Math.max(compressed, 1))} 倍、上限 ${ARCHIVE_LIMITS.ratio} 倍`);
    // the entry's data, after its local header
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) return NOT_ZIP;
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) return NOT_ZIP;
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) {
      if (compressed !== declared) return NOT_ZIP;
    } else if (method === 8) {
      let actual: number;
      try {
        // inflate with a cap one byte above the declared size: a lie is caught without expanding past the limits
        actual = inflateRawSync(data, { maxOutputLength: declared + 1 }).length;
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return tooLarge("宣言より大きく展開される項目");
        return NOT_ZIP;
      }
      if (actual !== declared) return tooLarge("宣言と違う大きさに展開される項目");
    } else {
      return NOT_ZIP;
    }
    at = next;
  }
  return { ok: true };
}
