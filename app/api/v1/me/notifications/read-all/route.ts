// POST /api/v1/me/notifications/read-all — mark every notification of the token user read.
import { z } from "zod";
import { apiPreflight, apiRoute } from "@/lib/api/route";
import { markAllOwnNotificationsRead } from "@/lib/api/notifications";

export const POST = apiRoute(z.object({}), async ({ actor }) => markAllOwnNotificationsRead(actor));

export const OPTIONS = apiPreflight;
