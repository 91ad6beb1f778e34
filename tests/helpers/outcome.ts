// The lib mutations as the tests read them: a write answers { ok: true, ...its result }; a refusal (the one
// Refusal thrown inside the transaction, or the permission table's ForbiddenError) is caught and answered as
// { ok: false, kind, message, fieldErrors, current } — what runAction makes of it, minus the result wrapper.
// Anything else is rethrown, so an unexpected error still fails the test.
import { Refusal, MESSAGES } from "../../lib/actions/refusal";
import { zodFieldErrors } from "../../lib/actions/action";
import { ForbiddenError } from "../../lib/authz/permissions";
import * as sheets from "../../lib/sheets/mutations";
import * as review from "../../lib/review/mutations";
import * as users from "../../lib/users/mutations";
import * as ratings from "../../lib/evaluation/official-rating";
import type { ConflictInfo } from "../../lib/sheets/mutations";

type Refused =
  | { ok: false; kind: "conflict"; message: string; fieldErrors?: Record<string, string>; current: ConflictInfo }
  | { ok: false; kind: Exclude<Refusal["code"], "conflict">; message: string; fieldErrors?: Record<string, string>; current?: undefined };
export type Outcome<T> = ({ ok: true } & (T extends object ? T : unknown)) | Refused;

export async function outcome<T>(write: Promise<T>): Promise<Outcome<T>> {
  try {
    const result = await write;
    return { ok: true, ...(typeof result === "object" ? result : {}) } as Outcome<T>;
  } catch (e) {
    if (e instanceof ForbiddenError) return { ok: false, kind: "forbidden", message: MESSAGES.forbidden };
    if (!(e instanceof Refusal)) throw e;
    if (e.code === "conflict") return { ok: false, kind: "conflict", message: e.message, fieldErrors: e.fieldErrors, current: e.detail as ConflictInfo };
    return { ok: false, kind: e.code, message: e.message, fieldErrors: e.fieldErrors };
  }
}

const wrap = <A extends unknown[], T>(f: (...args: A) => Promise<T>) => (...args: A) => outcome(f(...args));

export const saveSheetEntry = wrap(sheets.saveSheetEntry);
export const approveSheetEntry = wrap(sheets.approveSheetEntry);
export const returnSheetEntry = wrap(sheets.returnSheetEntry);
export const addComment = wrap(review.addComment);
export const setReviewed = wrap(review.setReviewed);
export const setCommentPublished = wrap(review.setCommentPublished);
export const setMembership = wrap(users.setMembership);
export const setUserDisabled = wrap(users.setUserDisabled);
export const resetPassword = wrap(users.resetPassword);
/** The official rating as a form sends it (reason optional), parsed by its schema first (refused like runAction). */
export async function setOfficialRating(
  prisma: Parameters<typeof ratings.setOfficialRating>[0],
  actor: Parameters<typeof ratings.setOfficialRating>[1],
  input: { measureId: string; evaluationYear: number; rating: string; reason?: string },
): Promise<Outcome<Awaited<ReturnType<typeof ratings.setOfficialRating>>>> {
  const parsed = ratings.officialRatingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, kind: "invalid", message: MESSAGES.invalid, fieldErrors: zodFieldErrors(parsed.error) };
  return outcome(ratings.setOfficialRating(prisma, actor, parsed.data));
}
