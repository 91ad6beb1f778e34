// The benchmark's signed-in reader: an officer (職員) of the measured organisation, member of the department that
// owns the measured KPI, written into the synthetic database as an administrator would create one, and signed in
// once the way the sign-in form does it (next-auth's credentials flow: GET /api/auth/csrf, then POST
// /api/auth/callback/credentials with the CSRF cookie). The cookies it receives are sent with every measured request,
// as a browser sends them; one sign-in serves the whole run (the servers share the run's AUTH_SECRET), so the
// sign-in throttle (lib/auth/throttle.ts) never comes into play.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { poolConfigFromUrl } from "../lib/database-url";
import { hashPassword } from "../lib/auth/passwords";

export type Officer = { id: string; email: string; password: string; name: string; departmentId: string };

/** An officer of organisation `code` whose department owns KPI `no` of plan `slug` (its first owner's 部). */
export async function createOfficer(url: string, code: string, slug: string, no: string): Promise<Officer> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const owner = await client.query<{ organizationId: string; departmentId: string }>(
      `SELECT o.id AS "organizationId", COALESCE(u."parentId", u.id) AS "departmentId"
         FROM "MeasureOwner" mo JOIN "OrgUnit" u ON u.id = mo."unitId" JOIN "Measure" m ON m.id = mo."measureId"
         JOIN "Plan" p ON p.id = m."planId" JOIN "Organization" o ON o.id = p."organizationId"
        WHERE o.code = $1 AND p.slug = $2 AND m.number = $3 ORDER BY mo."sortOrder" LIMIT 1`,
      [code, slug, no],
    );
    if (!owner.rows[0]) throw new Error(`KPI ${no} of ${code}/${slug} has no owning unit`);
    const { organizationId, departmentId } = owner.rows[0];
    const officer: Officer = { id: "bench-officer", email: "bench-officer@example.invalid", password: randomBytes(18).toString("base64url"), name: "ベンチ 職員（合成データ）", departmentId };
    await client.query("BEGIN");
    await client.query('INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())', [officer.id, officer.email, officer.name, await hashPassword(officer.password)]);
    await client.query(`INSERT INTO "Membership" ("id", "userId", "organizationId", "role") VALUES ('bench-officer-m', $1, $2, 'officer')`, [officer.id, organizationId]);
    await client.query(`INSERT INTO "MembershipUnit" ("membershipId", "unitId") VALUES ('bench-officer-m', $1)`, [departmentId]);
    await client.query("COMMIT");
    return officer;
  } finally {
    await client.end();
  }
}

/** name=value of every cookie a response sets. */
function cookiesSet(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((c) => c.split(";")[0]).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs `officer` in on `base` as the sign-in form does; returns the Cookie header a browser would then send.
 *  Throws unless the session it gives names the officer. */
export async function signIn(base: string, officer: Officer): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesSet(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    // what next-auth/react's signIn("credentials", …) posts (components/auth/sign-in-form.tsx)
    body: new URLSearchParams({ email: officer.email, password: officer.password, code: "", csrfToken, callbackUrl: `${base}/`, json: "true" }),
  });
  for (const [k, v] of cookiesSet(res)) jar.set(k, v);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`signing in the benchmark's officer failed (${res.status}): ${await res.text()}`);
  const cookie = cookieHeader(jar);
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as { uid?: string };
  if (session.uid !== officer.id) throw new Error(`the officer's session cookie is not accepted: ${JSON.stringify(session)}`);
  return cookie;
}
