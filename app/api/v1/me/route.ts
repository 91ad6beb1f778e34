// GET /api/v1/me — who the token acts as: the user, their roles and units per organisation, the token itself.
import { apiPreflight, apiRoute, json } from "@/lib/api/route";
import { z } from "zod";

export const GET = apiRoute(z.object({}), async ({ actor }) =>
  json({
    user: { id: actor.id, name: actor.name, email: actor.email },
    memberships: actor.memberships.map((m) => ({ organization: { code: m.organizationCode, name: m.organizationName }, role: m.role, units: m.unitNames })),
    token: { name: actor.token.name, prefix: actor.token.prefix, createdAt: actor.token.createdAt.toISOString(), expiresAt: actor.token.expiresAt?.toISOString() ?? null },
  }),
);

export const OPTIONS = apiPreflight;
