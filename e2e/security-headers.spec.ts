import { expect, test, type APIResponse } from "@playwright/test";
import { onboardedSellerWithProducts } from "./support/seller";
import { PASSWORD, signIn, uniqueEmail } from "./support/helpers";

// Security headers as a browser receives them from `next start` (proxy.ts): a page, an API answer
// and a buyer payment page, whose CSP must still let the Stripe.js stand-in run.

let oneTime: string;

test.beforeAll(async ({ browser }) => {
  const s = await onboardedSellerWithProducts(browser);
  oneTime = s.oneTime;
  await s.page.close();
});

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The e2e server is a demo (APP_ENV is not production): no HSTS on plain http.
  expect(h["strict-transport-security"]).toBeUndefined();
}

test("a page carries the security headers and a fresh CSP nonce that its scripts use", async ({ page, request }) => {
  const [first, second] = [await request.get("/sign-in"), await request.get("/sign-in")];
  expectCommonHeaders(first);
  const nonce = /'nonce-([^']+)'/.exec(first.headers()["content-security-policy"]!)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.com");
  expect(violations).toEqual([]);
});

test("an API answer carries the headers, a CSP that loads nothing, and its rate budget", async ({ request }) => {
  const res = await request.get("/api/v1/me");
  expect(res.status()).toBe(401);
  expectCommonHeaders(res);
  expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  const signUp = await request.post("/api/auth/sign-up", { data: {} });
  expect(signUp.status()).toBe(422);
  expect(Number(signUp.headers()["ratelimit-limit"])).toBeGreaterThan(0);
  expect(signUp.headers()["ratelimit-remaining"]).toBeDefined();
});

test("a malformed router-state header is a 400 in our error shape, not a 500", async ({ request }) => {
  const res = await request.get("/dashboard", { headers: { RSC: "1", "Next-Router-State-Tree": "%7Bnot-json" } });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ code: "bad_request", param: "Next-Router-State-Tree" });
});

test("a cross-site POST with the seller's cookie is refused; the app's own page still saves", async ({ page }) => {
  const email = uniqueEmail("csrf");
  expect(
    (
      await page.request.post("/api/auth/sign-up", {
        data: { name: "CSRF", email, password: PASSWORD, storeName: "CSRF" },
      })
    ).status(),
  ).toBe(202);
  await signIn(page, email);
  const res = await page.request.post("/api/v1/api-keys", {
    data: { name: "csrf" },
    headers: { Origin: "http://evil.example" },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("cross_site_request");
  const own = await page.evaluate(
    async () =>
      (
        await fetch("/api/v1/api-keys", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "own page" }),
        })
      ).status,
  );
  expect(own).toBe(201);
});

test("the buyer payment page carries the headers and the Stripe.js stand-in runs under its CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto(`/pay/${oneTime}`);
  const headers = await res!.allHeaders();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic' http:\/\/127\.0\.0\.1:\d+/);
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.getByLabel("Card number")).toBeVisible();
  expect(await page.evaluate(() => typeof (window as unknown as { Stripe?: unknown }).Stripe)).toBe("function");
  expect(violations).toEqual([]);
});
