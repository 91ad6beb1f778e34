import "server-only";
// The server actions of the admin and review pages: the signed-in user (loaded once), parse, the lib mutation
// (which authorises), and on success the cache invalidation. Any failure is a message, never a stack trace.
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { invalidateData } from "../cache";
import type { SimpleResult } from "../evaluation/mutations";
import { zodFieldErrors, type ActionState } from "./action-state";

export async function performAction<S extends z.ZodTypeAny>(
  label: string,
  schema: S,
  raw: unknown,
  mutate: (user: CurrentUser, input: z.output<S>) => Promise<SimpleResult>,
  done: string,
): Promise<ActionState> {
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "error", message: "サインインしてください。" };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { status: "error", message: "入力内容を確認してください。", fieldErrors: zodFieldErrors(parsed.error) };
    const result = await mutate(user, parsed.data);
    if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
    invalidateData();
    return { status: "ok", message: done };
  } catch (e) {
    console.error(`${label} failed`, e);
    return { status: "error", message: "処理できませんでした。時間をおいてもう一度お試しください。" };
  }
}
