// Every protected page guards itself: a layout is not a security boundary, because the client
// router's RSC request for a page segment (RSC: 1 + Next-Router-State-Tree naming the layouts it
// already has) renders the page without its layouts. This spec walks every page.tsx under the
// protected route groups (so a new page is covered the day it is added) and requests each one
// anonymously and as the wrong role, as a plain GET and as an RSC navigation, against `next start`.
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { signIn } from "./support/helpers";

const APP_DIR = path.join(process.cwd(), "app");
/** Route group → where an anonymous visitor and a signed-in user of the wrong role are sent, and the guard each page must call. */
const GROUPS = {
  "(admin)": { guard: "requireAdminPage", anonymousTo: "/sign-in", wrongRoleTo: "/dashboard" },
  "(seller)": { guard: "requireSellerPage", anonymousTo: "/sign-in", wrongRoleTo: null },
} as const;
type Group = keyof typeof GROUPS;

type ProtectedPage = { group: Group; file: string; segments: string[] };

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return pageFiles(full);
    return e.name === "page.tsx" ? [full] : [];
  });
}

function protectedPages(): ProtectedPage[] {
  return (Object.keys(GROUPS) as Group[]).flatMap((group) =>
    pageFiles(path.join(APP_DIR, group)).map((file) => ({
      group,
      file: path.relative(process.cwd(), file),
      // app/(seller)/dashboard/products/[id]/page.tsx → ["(seller)", "dashboard", "products", "[id]"]
      segments: path.relative(APP_DIR, path.dirname(file)).split(path.sep),
    })),
  );
}

const PAGES = protectedPages();

/** A flight router state (Next 16.4 shape) for a client sitting on `segments`, a static page. */
function routerStateFor(segments: string[]): string {
  let node: unknown = ["__PAGE__", {}];
  for (const segment of [...segments].reverse()) node = [segment, { children: node }];
  // [segment, parallel routes, url?, refresh marker?, flags?]; the optional tail can be left off.
  const tree = ["", { children: node }];
  return encodeURIComponent(JSON.stringify(tree));
}

/** The page the client "comes from": another static page of the same group, so every layout of the group counts as already rendered. */
function navigationOrigin(target: ProtectedPage): string[] {
  const other = PAGES.find(
    (p) => p.group === target.group && p.file !== target.file && !p.segments.some((s) => s.startsWith("[")),
  );
  if (!other) throw new Error(`no other static page in ${target.group} to navigate from`);
  return other.segments;
}

type Ids = Record<string, string>;
function urlOf(p: ProtectedPage, ids: Ids): string {
  const parts = p.segments
    .filter((s) => !/^\(.+\)$/.test(s))
    .map((s) => {
      const m = /^\[(.+)\]$/.exec(s);
      if (!m) return s;
      const key = `${p.segments.join("/")}:${m[1]}`;
      return ids[key] ?? "dummy_0000000000000000";
    });
  return `/${parts.join("/")}`;
}

async function plainGet(api: APIRequestContext, url: string) {
  return api.get(url, { maxRedirects: 0 });
}

/**
 * An RSC navigation request. Next answers a request without the cache-busting `_rsc` parameter
 * with a 307 to the same URL carrying it; the client router computes it up front, we follow once.
 */
async function rscGet(api: APIRequestContext, target: ProtectedPage, url: string) {
  const headers = { RSC: "1", "Next-Router-State-Tree": routerStateFor(navigationOrigin(target)) };
  const first = await api.get(url, { maxRedirects: 0, headers });
  const location = first.headers()["location"];
  if (first.status() !== 307 || !location) return first;
  const next = new URL(location, "http://x");
  if (next.pathname !== new URL(url, "http://x").pathname || !next.searchParams.has("_rsc")) return first;
  return api.get(next.pathname + next.search, { maxRedirects: 0, headers });
}

/**
 * Why `res` is not a denial — sent to `to` (an HTTP redirect, or an RSC/HTML answer whose verdict is
 * a redirect there) and carrying none of the sentinels — or null when it is one.
 */
async function whyNotDenied(res: APIResponse, to: string, sentinels: string[]): Promise<string | null> {
  const body = await res.text();
  const leaked = sentinels.filter((s) => body.includes(s));
  if (leaked.length) return `leaked ${leaked.join(", ")} (status ${res.status()})`;
  const status = res.status();
  if (status >= 300 && status < 400) {
    const location = new URL(res.headers()["location"] ?? "", "http://x").pathname;
    return location === to ? null : `redirected to ${location}, not ${to}`;
  }
  if (status !== 200) return `answered ${status}`;
  // A streamed answer carries the redirect in the payload (digest NEXT_REDIRECT;replace;<to>;307;).
  return new RegExp(`NEXT_REDIRECT;[a-z]+;${to.replace(/\//g, "\\/")};30[378];`).test(body)
    ? null
    : `200 without a redirect to ${to}`;
}

async function signedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, api: context.request };
}

test.describe("protected pages guard themselves", () => {
  test("every protected page.tsx calls its group's guard", () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
    for (const p of PAGES) {
      const source = readFileSync(p.file, "utf8");
      expect(source, `${p.file} must call ${GROUPS[p.group].guard}()`).toMatch(
        new RegExp(`\\b${GROUPS[p.group].guard}\\(`),
      );
    }
  });

  test("anonymous visitors and the wrong role get a redirect and no data, plain and RSC", async ({
    browser,
    playwright,
  }) => {
    test.setTimeout(180_000);
    const admin = await signedIn(browser, "admin@vitrine.local", "admin12345!");
    const ana = await signedIn(browser, "ana@vitrine.local", "demo12345!");
    const bruno = await signedIn(browser, "bruno@vitrine.local", "demo12345!");
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });

    // Real ids from the seeded demo: Ana's store, a product and a credit purchase of hers.
    const anaStore = (await (await ana.api.get("/api/v1/me")).json()).store as { id: string };
    const products = (await (await ana.api.get("/api/v1/products")).json()).data as Array<{ id: string; name: string }>;
    expect(products.length).toBeGreaterThan(0);
    const packagesRes = await (await ana.api.get("/api/v1/credits/packages")).json();
    const packages = (Array.isArray(packagesRes) ? packagesRes : (packagesRes.data ?? packagesRes.packages)) as Array<{
      id: string;
    }>;
    const purchaseRes = await ana.api.post("/api/v1/credits/purchases", { data: { packageId: packages[0]!.id } });
    expect(purchaseRes.status()).toBe(201);
    const purchase = await purchaseRes.json();
    const purchaseView = (purchase.purchase ?? purchase) as { id: string; paymentIntentId: string };
    const purchaseId = purchaseView.id;
    expect(purchaseView.paymentIntentId).toMatch(/^pi_/);
    const ids: Ids = {
      "(seller)/dashboard/products/[id]:id": products[0]!.id,
      "(seller)/dashboard/credits/purchases/[id]:id": purchaseId,
    };

    // What would show that protected data came back.
    const adminSentinels = ["ana@vitrine.local", anaStore.id, "Ateliê da Ana"];
    // (Ids in the URL come back in any answer; what only the page shows is her data.)
    const anaSentinels = [products[0]!.name, purchaseView.paymentIntentId, anaStore.id];

    // The crafted RSC request is a real navigation: the allowed user gets a flight payload with the data.
    const usersPage = PAGES.find((p) => p.segments.join("/") === "(admin)/admin/users")!;
    const allowed = await rscGet(admin.api, usersPage, "/admin/users");
    expect(allowed.status()).toBe(200);
    expect(allowed.headers()["content-type"]).toContain("text/x-component");
    expect(await allowed.text()).toContain("ana@vitrine.local");
    const productPage = PAGES.find((p) => p.segments.join("/") === "(seller)/dashboard/products/[id]")!;
    const own = await rscGet(ana.api, productPage, urlOf(productPage, ids));
    expect(own.status()).toBe(200);
    expect(await own.text()).toContain(products[0]!.name);
    const purchasePage = PAGES.find((p) => p.segments.join("/") === "(seller)/dashboard/credits/purchases/[id]")!;
    expect(await (await rscGet(ana.api, purchasePage, urlOf(purchasePage, ids))).text()).toContain(
      purchaseView.paymentIntentId,
    );

    const problems: string[] = [];
    for (const p of PAGES) {
      const url = urlOf(p, ids);
      const rules = GROUPS[p.group];
      const sentinels = p.group === "(admin)" ? adminSentinels : anaSentinels;
      const check = async (who: string, how: string, res: APIResponse, to: string) => {
        const why = await whyNotDenied(res, to, sentinels);
        if (why) problems.push(`${p.file}: ${who} ${how} ${url} ${why}`);
      };
      await check("anonymous", "GET", await plainGet(anonymous, url), rules.anonymousTo);
      await check("anonymous", "RSC", await rscGet(anonymous, p, url), rules.anonymousTo);
      if (rules.wrongRoleTo) {
        await check("seller", "GET", await plainGet(bruno.api, url), rules.wrongRoleTo);
        await check("seller", "RSC", await rscGet(bruno.api, p, url), rules.wrongRoleTo);
      } else {
        // Another seller on Ana's ids: the page is theirs to open, Ana's data is not.
        for (const [how, res] of [
          ["GET", await plainGet(bruno.api, url)],
          ["RSC", await rscGet(bruno.api, p, url)],
        ] as const) {
          const body = await res.text();
          const leaked = anaSentinels.filter((s) => body.includes(s));
          if (res.status() >= 500 || leaked.length)
            problems.push(
              `${p.file}: another seller ${how} ${url} answered ${res.status()}${leaked.length ? `, leaked ${leaked.join(", ")}` : ""}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
    await Promise.all([admin.context.close(), ana.context.close(), bruno.context.close(), anonymous.dispose()]);
  });
});
