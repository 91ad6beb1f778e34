// Every signed-in page loads its user in one hand-written statement (lib/auth/session-user.ts): it must read the
// memberships exactly as Prisma's select of them (membershipSelect) does: organisations, units with their 課, roles.
import { describe, expect, it } from "vitest";
import { loadSessionUser } from "../../lib/auth/session-user";
import { membershipSelect, toMemberships } from "../../lib/auth/memberships";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");

const byOrganisation = <T extends { organizationId: string; role: string; unitIds: string[] }>(ms: T[]) =>
  ms.map((m) => ({ ...m, unitIds: [...m.unitIds].sort() })).sort((a, b) => `${a.organizationId}${a.role}`.localeCompare(`${b.organizationId}${b.role}`));

describe("loadSessionUser", () => {
  it("reads a user's memberships as Prisma's select of them does", async () => {
    const p = database.prisma;
    const [kumamoto, kama] = await Promise.all(["430005", "402273"].map((code) => p.organization.findUniqueOrThrow({ where: { code } })));
    await p.organization.update({ where: { id: kama.id }, data: { requireAdminTwoFactor: true } });
    const departments = await p.orgUnit.findMany({ where: { organizationId: kumamoto.id, parentId: null, children: { some: {} } }, take: 2, select: { id: true } });
    const division = await p.orgUnit.findFirstOrThrow({ where: { organizationId: kumamoto.id, parentId: { not: null } }, select: { id: true } });
    const users = [
      { email: "officer@example.jp", memberships: [{ organizationId: kumamoto.id, role: "officer" as const, units: [...departments, division].map((u) => ({ unitId: u.id })) }] },
      { email: "two@example.jp", memberships: [{ organizationId: kumamoto.id, role: "viewer" as const, units: [] }, { organizationId: kama.id, role: "admin" as const, units: [] }] },
      { email: "none@example.jp", memberships: [] },
    ];
    for (const u of users) {
      const created = await p.user.create({ data: { email: u.email, name: u.email, memberships: { create: u.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role, units: { create: m.units } })) } } });
      for (const claims of [{}, { mfa: true }, { sso: true }]) {
        const loaded = (await loadSessionUser(p, { uid: created.id, sv: 0, ...claims }))!;
        const expected = await p.user.findUniqueOrThrow({ where: { id: created.id }, select: { totpEnabledAt: true, memberships: { select: membershipSelect } } });
        const verified = "sso" in claims || ("mfa" in claims && expected.totpEnabledAt !== null);
        expect(loaded).toMatchObject({ id: created.id, name: u.email, email: u.email, isOperator: false });
        expect(byOrganisation(loaded.memberships)).toEqual(byOrganisation(toMemberships(expected.memberships, { twoFactorVerified: verified })));
      }
    }
    const officer = (await p.user.findUniqueOrThrow({ where: { email: "officer@example.jp" } })).id;
    // the header's unread count comes with the user: the unread ones of this user only
    const other = (await p.user.findUniqueOrThrow({ where: { email: "two@example.jp" } })).id;
    expect((await loadSessionUser(p, { uid: officer, sv: 0 }))!.unreadNotifications).toBe(0);
    await p.notification.createMany({
      data: [
        { userId: officer, kind: "sheet_submitted", title: "未読1", body: "" },
        { userId: officer, kind: "sheet_submitted", title: "未読2", body: "" },
        { userId: officer, kind: "sheet_submitted", title: "既読", body: "", readAt: new Date() },
        { userId: other, kind: "sheet_submitted", title: "他の人の未読", body: "" },
      ],
    });
    expect((await loadSessionUser(p, { uid: officer, sv: 0 }))!.unreadNotifications).toBe(2);
    expect((await loadSessionUser(p, { uid: other, sv: 0 }))!.unreadNotifications).toBe(1);
    // the departments' 課 count as the officer's units
    expect((await loadSessionUser(p, { uid: officer, sv: 0 }))!.memberships[0].unitIds.length).toBeGreaterThan(3);
    expect(await loadSessionUser(p, { uid: officer, sv: 1 })).toBeNull();
    await p.user.update({ where: { id: officer }, data: { disabled: true } });
    expect(await loadSessionUser(p, { uid: officer, sv: 0 })).toBeNull();
    expect(await loadSessionUser(p, { uid: "no-such-user", sv: 0 })).toBeNull();
  });
});
