// GET /api/v1/me/notifications?page=1&perPage=20&unreadOnly=true — the token user's notifications, newest first.
import { z } from "zod";
import { apiPreflight, apiRoute } from "@/lib/api/route";
import { listOwnNotifications } from "@/lib/api/notifications";

export const GET = apiRoute(z.object({}), async ({ actor, request }) => listOwnNotifications(actor, new URL(request.url)));

export const OPTIONS = apiPreflight;
