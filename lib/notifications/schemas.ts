// The forms (and API bodies) of notifications: mark read, the list's page, e-mail preferences per kind.
import { z } from "zod";
import { NOTIFICATION_KINDS } from "./kinds";

export const markReadSchema = z.object({ id: z.string().min(1).max(100) });
export const markAllReadSchema = z.object({});

export const listSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).catch(20).default(20),
  unreadOnly: z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]).catch(false).default(false),
});
export type ListInput = z.input<typeof listSchema>;

const onOff = z
  .union([z.boolean(), z.enum(["on", "off", "true", "false"]).transform((v) => v === "on" || v === "true")])
  .optional()
  .transform((v) => v ?? false);

/** E-mail on/off per kind, keyed by the kind; a kind left out (an unchecked box in a form post) is off. */
export const preferencesSchema = z.object({
  email: z.object({
    sheet_submitted: onOff,
    sheet_returned: onOff,
    sheet_approved: onOff,
    comment_published: onOff,
    comment_answered: onOff,
    deadline_reminder: onOff,
    deadline_overdue: onOff,
  } satisfies Record<(typeof NOTIFICATION_KINDS)[number], unknown>),
});
export type PreferencesInput = z.output<typeof preferencesSchema>;
