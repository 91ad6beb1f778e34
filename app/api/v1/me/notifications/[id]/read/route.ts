// POST /api/v1/me/notifications/{id}/read — mark one of the token user's notifications read.
import { z } from "zod";
import { apiPreflight, apiRoute } from "@/lib/api/route";
import { markOwnNotificationRead } from "@/lib/api/notifications";

export const POST = apiRoute(z.object({ id: z.string().min(1, "お知らせの ID を指定してください").max(100, "お知らせの ID が長すぎます") }), async ({ actor, params }) => markOwnNotificationRead(actor, params.id));

export const OPTIONS = apiPreflight;
