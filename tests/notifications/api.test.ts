// The notifications API behind the preferences page, through the real route handlers with a seller
// session: defaults, validation codes, the Slack webhook shown only masked, the test message, the
// keyset-paginated log, and one store never seeing another's.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as logRoute } from "@/app/api/v1/notifications/deliveries/route";
import { GET as settingsGet, PATCH as settingsPatch } from "@/app/api/v1/notifications/settings/route";
import { DELETE as slackDelete, PUT as slackPut } from "@/app/api/v1/notifications/slack/route";
import { POST as testRoute } from "@/app/api/v1/notifications/test/route";
import { prisma } from "@/lib/db/client";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { noParams, sessionCookie } from "../support/session";

const SLACK_URL = "https://hooks.slack.com/services/T0VITRINE/B0STORE/abcdEFGHijklMNOPqrst1234";

async function signedIn(tag: string) {
  const seller = await sellerWithStore({ tag });
  const cookie = await sessionCookie(seller.user.id);
  const call = (path: string, method = "GET", body?: unknown, headers: Record<string, string> = {}) =>
    new NextRequest(new URL(path, "http://localhost:3000"), {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return { ...seller, call };
}

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe("notifications API", () => {
  useTestDatabase();

  it("answers the defaults, refuses bad changes with a 4xx naming the field, and saves good ones", async () => {
    const s = await signedIn("api-prefs");
    const { status, body } = await json(await settingsGet(s.call("/api/v1/notifications/settings"), noParams));
    expect(status).toBe(200);
    expect(body.ownerEmail).toBe(s.user.email);
    expect(body.slack).toEqual({ configured: false, masked: null });
    expect(body.events.find((e: { event: string }) => e.event === "pix_charge_paid")).toMatchObject({
      email: false,
      slack: false,
    });
    expect(body.events.find((e: { event: string }) => e.event === "password_changed")).toMatchObject({
      email: true,
      emailRequired: true,
      slackAllowed: false,
    });
    expect(body.events.map((e: { event: string }) => e.event)).not.toContain("test_message");

    const patch = (b: unknown) => settingsPatch(s.call("/api/v1/notifications/settings", "PATCH", b), noParams);
    const cases: Array<[unknown, number, string, string | undefined]> = [
      [{ extraEmails: ["ok@loja.example", "not-an-address"] }, 422, "validation_failed", "extraEmails.1"],
      [
        { extraEmails: Array.from({ length: 6 }, (_, i) => `a${i}@loja.example`) },
        422,
        "validation_failed",
        "extraEmails",
      ],
      [
        { events: { plan_payment_failed: { email: false } } },
        422,
        "validation_failed",
        "events.plan_payment_failed.email",
      ],
      [{ events: { password_changed: { slack: true } } }, 422, "validation_failed", "events.password_changed.slack"],
      [{ events: { no_such_event: { email: true } } }, 422, "validation_failed", undefined],
      [{}, 422, "validation_failed", undefined],
      ["{nope", 400, "malformed_json", undefined],
    ];
    for (const [input, code, errorCode, param] of cases) {
      const res = await json(await patch(input));
      expect(res.status, JSON.stringify(input)).toBe(code);
      expect(res.body.error.code).toBe(errorCode);
      if (param) expect(res.body.error.param).toBe(param);
    }
    expect(await prisma.notificationPreference.count({ where: { storeId: s.store.id } })).toBe(0);
    expect(await prisma.notificationSettings.count({ where: { storeId: s.store.id } })).toBe(0);

    const saved = await json(
      await patch({
        events: { pix_charge_paid: { email: true }, dispute_opened: { slack: false } },
        extraEmails: ["Finance@Loja.example", s.user.email.toUpperCase(), "finance@loja.example"],
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.extraEmails).toEqual(["finance@loja.example"]);
    expect(saved.body.events.find((e: { event: string }) => e.event === "pix_charge_paid").email).toBe(true);
    const audit = await prisma.auditLog.findFirst({
      where: { storeId: s.store.id, action: "notification_settings.updated" },
    });
    expect(audit).toBeTruthy();
  });

  it("keeps the Slack webhook encrypted and only ever answers it masked", async () => {
    const s = await signedIn("api-slack");
    const put = (url: string) => slackPut(s.call("/api/v1/notifications/slack", "PUT", { url }), noParams);
    for (const bad of [
      "http://hooks.slack.com/services/T/B/x",
      "https://evil.example/services/T/B/x",
      "https://hooks.slack.com.evil.example/services/x",
      "https://user:pw@hooks.slack.com/services/T/B/x",
      "not a url",
    ]) {
      const res = await json(await put(bad));
      expect(res.status, bad).toBe(422);
      expect(res.body.error).toMatchObject({ code: "validation_failed", param: "url" });
    }
    const res = await put(SLACK_URL);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain("abcdEFGHijklMNOPqrst");
    expect(JSON.parse(text).slack).toEqual({
      configured: true,
      masked: "https://hooks.slack.com/services/••••••••1234",
    });
    const row = await prisma.notificationSettings.findUniqueOrThrow({ where: { storeId: s.store.id } });
    expect(row.slackWebhookEncrypted).not.toContain("hooks.slack.com");
    const trail = await prisma.auditLog.findMany({ where: { storeId: s.store.id } });
    expect(JSON.stringify(trail, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      "abcdEFGHijklMNOPqrst",
    );

    const removed = await json(await slackDelete(s.call("/api/v1/notifications/slack", "DELETE"), noParams));
    expect(removed.body.slack).toEqual({ configured: false, masked: null });
  });

  it("queues one test message a minute, and refuses Slack without a webhook", async () => {
    const s = await signedIn("api-test");
    const post = (channel: string) => testRoute(s.call("/api/v1/notifications/test", "POST", { channel }), noParams);
    expect(await json(await post("email"))).toEqual({ status: 202, body: { queued: 1 } });
    expect(await json(await post("email"))).toEqual({ status: 202, body: { queued: 0 } });
    const slack = await json(await post("slack"));
    expect(slack.status).toBe(409);
    expect(slack.body.error).toMatchObject({ code: "notification_channel_unavailable", param: "channel" });
    expect((await json(await post("pigeon"))).status).toBe(422);
    // A page on another site cannot make a signed-in seller's browser send one.
    const cross = await testRoute(
      s.call("/api/v1/notifications/test", "POST", { channel: "email" }, { origin: "https://evil.example" }),
      noParams,
    );
    expect(cross.status).toBe(403);
    const rows = await prisma.notification.findMany({ where: { storeId: s.store.id } });
    expect(rows.map((r) => [r.event, r.channel, r.recipient])).toEqual([["test_message", "email", s.user.email]]);
  });

  it("pages the log newest first by cursor, masks recipients, and shows a store only its own rows", async () => {
    const s = await signedIn("api-log");
    const other = await signedIn("api-log-other");
    for (let i = 0; i < 5; i++)
      await enqueueNotification(prisma, {
        storeId: s.store.id,
        event: "dispute_opened",
        subjectId: `dp_log_${i}`,
        payload: { orderId: `ord_${i}`, disputeId: `dp_log_${i}`, amountMinor: 1000 + i, currency: "BRL" },
      });
    const page = async (query: string, who = s) =>
      json(await logRoute(who.call(`/api/v1/notifications/deliveries${query}`), noParams));
    const first = await page("?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0].recipient).toMatch(/^[a-z0-9]{1,2}•••@example\.com$/);
    expect(JSON.stringify(first.body)).not.toContain(s.user.email);
    const second = await page(`?limit=2&cursor=${first.body.nextCursor}`);
    const third = await page(`?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.nextCursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data, ...third.body.data].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(5);
    const rows = await prisma.notification.findMany({
      where: { storeId: s.store.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(ids).toEqual(rows.map((r) => r.id));

    expect((await page("?cursor=garbage")).body.error).toMatchObject({ code: "validation_failed", param: "cursor" });
    expect((await page("?limit=1000")).status).toBe(422);
    expect((await page("", other)).body.data).toEqual([]);
    // Another store's cursor shows nothing of that store either.
    expect((await page(`?cursor=${first.body.nextCursor}`, other)).body.data).toEqual([]);
  });

  it("answers 401 without a session", async () => {
    const anonymous = new NextRequest(new URL("/api/v1/notifications/settings", "http://localhost:3000"));
    expect((await settingsGet(anonymous, noParams)).status).toBe(401);
    const anonymousLog = new NextRequest(new URL("/api/v1/notifications/deliveries", "http://localhost:3000"));
    expect((await logRoute(anonymousLog, noParams)).status).toBe(401);
  });
});
