// Through the real launcher and scripts/server.mjs: spoofed client addresses change nothing, a
// locked account says so, sign-in failures carry codes only, and the answers Next and Node leave
// empty (405, 431) have our JSON error body.
import { expect, test, type APIRequestContext } from "@playwright/test";
import http from "node:http";
import { baseURL } from "../playwright.config";
import { PASSWORD, formAlert, signUpViaUi, submitSignIn, uniqueEmail, useLocale } from "./support/helpers";

/** A plain HTTP request to the app from a chosen local source address (a real, distinct socket peer). */
function fromAddress(
  localAddress: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const port = new URL(baseURL).port;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, localAddress, method: opts.method ?? "GET", headers: opts.headers },
      (r) => {
        let body = "";
        r.on("data", (c) => (body += c));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

async function credentialsFrom(localAddress: string, email: string, password: string) {
  const csrf = await fromAddress(localAddress, "/api/auth/csrf");
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const body = new URLSearchParams({
    email,
    password,
    csrfToken: JSON.parse(csrf.body).csrfToken,
    json: "true",
  }).toString();
  const res = await fromAddress(localAddress, "/api/auth/callback/credentials", {
    method: "POST",
    body,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  return new URL(JSON.parse(res.body).url).searchParams.get("error");
}

async function credentialsPost(
  request: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers,
  });
  return new URL(((await res.json()) as { url: string }).url).searchParams.get("error");
}

test("rotating X-Forwarded-For or forging the server's own headers does not escape the per-client limit", async ({
  request,
}) => {
  const email = uniqueEmail("brute");
  // RATE_LIMIT_LOGIN is 10/minute per client and email; every attempt claims another address.
  for (let i = 0; i < 10; i++) {
    const ip = `198.51.100.${i + 1}`;
    expect(
      await credentialsPost(request, email, `guess-${i}-password`, {
        "x-forwarded-for": ip,
        "x-real-ip": ip,
        "x-vitrine-client-ip": ip,
        "x-vitrine-peer": ip,
      }),
    ).toBe("invalid_credentials");
  }
  expect(
    await credentialsPost(request, email, "guess-11-password", {
      "x-forwarded-for": "203.0.113.200",
      "x-vitrine-client-ip": "203.0.113.200",
    }),
  ).toBe("rate_limited");
});

test("a JSON sign-in body is a 415 in our error shape, and ?error= never carries internals", async ({ request }) => {
  const res = await request.post("/api/auth/callback/credentials", { data: { email: "a@example.com", password: "x" } });
  expect(res.status()).toBe(415);
  const body = await res.json();
  expect(body.error).toMatchObject({ code: "unsupported_media_type", request_id: res.headers()["x-request-id"] });
  const redirected = await request.get(
    "/api/auth/error?error=PrismaClientKnownRequestError%3A%20relation%20does%20not%20exist",
    { maxRedirects: 0 },
  );
  expect(redirected.headers()["location"]).toBe("/sign-in?error=sign_in_failed");
});

test("405 and 431 answers have JSON bodies", async ({ request }) => {
  const res = await request.fetch("/api/v1/me", { method: "PATCH" });
  expect(res.status()).toBe(405);
  expect(await res.json()).toMatchObject({
    error: { code: "method_not_allowed", request_id: expect.stringMatching(/^req_/) },
  });
  // Node refuses the headers before any handler runs; Playwright's client caps header size, so plain http.
  const big = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get(`${baseURL}/api/health`, { headers: { "x-big": "a".repeat(20_000) } }, (r) => {
        let body = "";
        r.on("data", (c) => (body += c));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
  expect(big.status).toBe(431);
  expect(JSON.parse(big.body)).toMatchObject({ error: { code: "headers_too_large" } });
});

test("guesses from many real addresses lock the account; its owner is told why and for how long, and the right password does not get in", async ({
  page,
}) => {
  const email = uniqueEmail("locked");
  await signUpViaUi(page, { name: "Lou", email, storeName: "Lou shop" });
  await page.context().clearCookies();
  // RATE_LIMIT_LOGIN_ACCOUNT is 20/hour per email. Each guess comes from its own socket address
  // (127.0.0.2, 127.0.0.3, … are all this machine), so no per-address budget ever trips.
  for (let i = 0; i < 20; i++)
    expect(await credentialsFrom(`127.0.0.${i + 2}`, email, `guess-${i}-password`)).toBe("invalid_credentials");
  expect(await credentialsFrom("127.0.0.30", email, PASSWORD)).toMatch(/^account_locked:\d+$/);
  await useLocale(page, "en");
  await submitSignIn(page, email, PASSWORD);
  await expect(formAlert(page)).toHaveText(/^Too many attempts for this account; try again in \d+ minutes\.$/);
  await expect(page).toHaveURL(/\/sign-in/);
});
