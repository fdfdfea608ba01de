// Bad text through the real server (next start decodes the path itself): a NUL or a lone surrogate
// in a path id, a JSON field, a form field or a query is a 4xx, never a 5xx. tests/http/bad-text.test.ts
// sweeps every route handler; this checks what only the real server shows (its own URL decoding,
// next-auth in its request scope, a page reading a query) and the PIX webhook a gateway would call.
import { expect, test, type APIResponse } from "@playwright/test";
import { signIn } from "./support/helpers";

test("NUL and lone surrogates are answered with a 4xx by the real server", async ({ browser, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const statuses: string[] = [];
  const expect4xx = async (what: string, res: APIResponse) => {
    if (res.status() < 400 || res.status() >= 500)
      statuses.push(`${what}: ${res.status()} ${(await res.text()).slice(0, 160)}`);
  };
  // next-auth answers its own way (a redirect to the sign-in page with an error code): no 5xx is the bar.
  const expectNo5xx = async (what: string, res: APIResponse) => {
    if (res.status() >= 500) statuses.push(`${what}: ${res.status()} ${(await res.text()).slice(0, 160)}`);
  };

  const order = await anonymous.get("/api/public/orders/%00");
  expect(order.status()).toBe(422);
  expect((await order.json()).error).toMatchObject({ code: "validation_failed", param: "id" });
  await expect4xx("POST /api/public/orders/%00/portal", await anonymous.post("/api/public/orders/%00/portal"));
  await expect4xx(
    "POST /api/public/checkout (JSON \\u0000)",
    await anonymous.post("/api/public/checkout", {
      headers: { "content-type": "application/json" },
      data: '{"priceId":"p\\u0000"}',
    }),
  );
  await expect4xx(
    "POST /api/public/checkout (JSON \\ud800)",
    await anonymous.post("/api/public/checkout", {
      headers: { "content-type": "application/json" },
      data: '{"priceId":"p\\ud800"}',
    }),
  );
  await expectNo5xx("GET /api/auth/%00", await anonymous.get("/api/auth/%00", { maxRedirects: 0 }));
  await expectNo5xx(
    "POST /api/auth/callback/credentials (email=%00)",
    await anonymous.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: "email=a%00%40b.c&password=x%00&csrfToken=x",
      maxRedirects: 0,
    }),
  );

  // The PIX webhook a gateway calls: a 4xx makes it stop; a 503 made it retry forever.
  const ana = await browser.newContext();
  const page = await ana.newPage();
  await signIn(page, "ana@vitrine.local", "demo12345!");
  const configs = (await (await ana.request.get("/api/v1/pix/configs")).json()).data as Array<{
    gateway: string;
    webhookUrl: string | null;
  }>;
  const hook = new URL(configs.find((c) => c.gateway === "pushinpay" && c.webhookUrl)!.webhookUrl!).pathname;
  for (const data of [
    '{"id":"tx\\u0000","status":"paid","value":1000}',
    '{"id":"tx\\ud800","status":"paid","value":1000}',
  ]) {
    const res = await anonymous.post(hook, { headers: { "content-type": "application/json" }, data });
    expect(res.status(), data).toBe(422);
  }
  await expect4xx(
    "POST PIX webhook (form id=%00)",
    await anonymous.post(hook, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: "id=tx%00&status=paid",
    }),
  );
  await expect4xx(
    "POST /api/webhooks/pix/pushinpay/%00",
    await anonymous.post("/api/webhooks/pix/pushinpay/%00", {
      headers: { "content-type": "application/json" },
      data: "{}",
    }),
  );

  // A page that reads its query: the admin's user search.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin@vitrine.local", "admin12345!");
  const search = await admin.request.get("/admin/users?q=%00");
  expect(search.status()).toBe(200);
  expect(statuses).toEqual([]);
  await Promise.all([ana.close(), admin.close(), anonymous.dispose()]);
});

// Known gap (#11): a path param whose percent-encoding does not decode — a lone surrogate as its
// CESU-8 bytes (%ED%A0%80), a %u escape, a truncated %E0 — makes Next 16.4 itself answer a bare
// "500 Internal Server Error" on every dynamic route, pages too, before any of our code runs (plain
// `next start` does it as well). The fix belongs in front of Next, where scripts/server.mjs already
// refuses a malformed router-state header: a 400 bad_request when decodeURIComponent(pathname) throws.
test("a path whose percent-encoding does not decode is a 400, not Next's bare 500", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const path of [
    "/api/public/orders/%ED%A0%80",
    "/api/public/orders/%uD800",
    "/api/public/orders/%E0",
    "/buy/%ED%A0%80",
  ]) {
    const res = await anonymous.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.code, path).toBe("bad_request");
  }
  await anonymous.dispose();
});
