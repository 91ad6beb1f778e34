// Only real pages get a cached anonymous copy: a request that would be rewritten to the cache is checked to name
// an existing public plan, KPI or department first. Otherwise strangers could fill the memory cache with 404s of
// made-up URLs (each one cached for five minutes) and push the real pages out. Found paths are remembered for a
// minute in a bounded map, so the common case costs no query; unknown paths cost one indexed lookup each and are
// never remembered (nothing an attacker sends grows this map beyond its bound either).
import { db } from "../db";
import { PUBLIC_PLAN } from "../plans/visibility";

const FOUND_TTL_MS = 60_000;
const MAX_REMEMBERED = 10_000;
const found = new Map<string, number>();

type Target = { kind: "plan"; code: string; slug: string } | { kind: "measure"; code: string; slug: string; no: string } | { kind: "unit"; code: string; unitId: string };

function decode(segment: string): string | null {
  try {
    const s = decodeURIComponent(segment);
    return s.length > 0 && s.length <= 200 && !s.includes("\u0000") ? s : null;
  } catch {
    return null;
  }
}

/** The page a cached path names, or null for a path with no cached copy (the home page needs no check). */
export function cachedTarget(pathname: string): Target | null | "malformed" {
  const parts = pathname.split("/").slice(1);
  if (parts[0] !== "orgs") return null;
  const seg = parts.slice(1).map(decode);
  if (seg.some((s) => s === null)) return "malformed";
  const [code, a, b, c, d] = seg as string[];
  if (parts.length === 4 && a === "plans") return { kind: "plan", code, slug: b };
  if (parts.length === 6 && a === "plans" && c === "measures") return { kind: "measure", code, slug: b, no: d };
  if (parts.length === 4 && a === "units") return { kind: "unit", code, unitId: b };
  return null;
}

async function exists(t: Target): Promise<boolean> {
  const prisma = db();
  if (t.kind === "plan") return Boolean(await prisma.plan.findFirst({ where: { slug: t.slug, organization: { code: t.code }, ...PUBLIC_PLAN }, select: { id: true } }));
  if (t.kind === "measure") return Boolean(await prisma.measure.findFirst({ where: { number: t.no, plan: { slug: t.slug, organization: { code: t.code }, ...PUBLIC_PLAN } }, select: { id: true } }));
  return Boolean(await prisma.orgUnit.findFirst({ where: { id: t.unitId, organization: { code: t.code } }, select: { id: true } }));
}

/** Does this anonymous request name a page that may be cached? */
export async function mayBeCached(pathname: string, now = Date.now()): Promise<boolean> {
  const target = cachedTarget(pathname);
  if (target === null) return true;
  if (target === "malformed") return false;
  const key = JSON.stringify(target);
  const at = found.get(key);
  if (at !== undefined && now - at < FOUND_TTL_MS) return true;
  let real: boolean;
  try {
    real = await exists(target);
  } catch (e) {
    // the database is unreachable: the page itself will answer (and say so); no verdict here
    console.error("[anonymous-cache] existence check failed", e);
    return true;
  }
  if (!real) return false;
  found.delete(key);
  found.set(key, now);
  if (found.size > MAX_REMEMBERED) found.delete(found.keys().next().value!);
  return true;
}
