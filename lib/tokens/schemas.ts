// The token forms' schemas (the /account page; the CLI reads the same limits).
import { z } from "zod";

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

export const createTokenSchema = z.object({
  name: z
    .string({ message: "名前を入力してください" })
    .trim()
    .min(1, "名前を入力してください（例：統計システム連携）")
    .max(100, "100文字以内で入力してください"),
  days: z
    .union([z.literal(""), z.coerce.number({ message: "日数は数字で入力してください" }).int("日数は整数で入力してください").min(1, `1〜${MAX_TOKEN_DAYS}日で入力してください`).max(MAX_TOKEN_DAYS, `1〜${MAX_TOKEN_DAYS}日で入力してください`)])
    .optional()
    .transform((d) => (d === "" || d === undefined ? DEFAULT_TOKEN_DAYS : d)),
});

export const revokeTokenSchema = z.object({ tokenId: z.string().min(1) });
