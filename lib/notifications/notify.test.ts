import { afterEach, describe, expect, it } from "vitest";
import { absoluteLink, appBaseUrl, mailText } from "./notify";
import { preferencesSchema } from "./schemas";
import { NOTIFICATION_KINDS } from "./kinds";

describe("links in e-mails", () => {
  const saved = { APP_URL: process.env.APP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  });
  it("are absolute: APP_URL first, else NEXTAUTH_URL", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    process.env.APP_URL = "https://kpi.pref.example.lg.jp/";
    expect(appBaseUrl()).toBe("https://kpi.pref.example.lg.jp");
    expect(absoluteLink("/work")).toBe("https://kpi.pref.example.lg.jp/work");
    delete process.env.APP_URL;
    expect(absoluteLink("/work")).toBe("http://localhost:3000/work");
    expect(absoluteLink(null)).toBeNull();
  });
  it("address the recipient and end with where to change the choice", () => {
    process.env.APP_URL = "https://kpi.example.jp";
    const text = mailText({ name: "土木 花子", body: "本文", link: "/notifications", organizationName: "熊本県" });
    expect(text.startsWith("土木 花子 様\n")).toBe(true);
    expect(text).toContain("https://kpi.example.jp/notifications");
    expect(text).toContain("https://kpi.example.jp/account");
  });
});

describe("the e-mail choice", () => {
  it("reads a checkbox post: a kind left out is off, every kind is present", () => {
    const parsed = preferencesSchema.parse({ email: { sheet_returned: "on", sheet_submitted: "off" } });
    expect(Object.keys(parsed.email).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(parsed.email.sheet_returned).toBe(true);
    expect(parsed.email.sheet_submitted).toBe(false);
    expect(parsed.email.deadline_reminder).toBe(false);
    expect(preferencesSchema.parse({ email: { sheet_approved: true } }).email.sheet_approved).toBe(true);
    expect(preferencesSchema.safeParse({ email: { sheet_approved: "yes" } }).success).toBe(false);
  });
});
