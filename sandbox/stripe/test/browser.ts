/** Helpers for the Chromium tests: browser launch, a local "shop" server, screenshots. */
import { existsSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "@playwright/test";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SHOTS = "/tmp/emulator-shots";

if (!HAS_CHROMIUM)
  console.warn(`[stripe-emulator tests] Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH).`);

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Only local traffic: anything else (a real Stripe host included) is aborted and recorded. */
export async function localOnly(page: Page, blocked: string[]): Promise<void> {
  await page.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === "127.0.0.1" || host === "localhost") return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
}

export type Shop = { url: string; close(): Promise<void>; server: Server };

/** A stand-in for the app's origin: serves `routes` and echoes anything else as a landing page. */
export async function startShop(
  routes: Record<string, { type: string; body: string | (() => string) }> = {},
): Promise<Shop> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const r = routes[path];
    if (r) {
      res.writeHead(200, { "Content-Type": r.type });
      return res.end(typeof r.body === "function" ? r.body() : r.body);
    }
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><title>Shop</title><h1 data-testid="landing">Landed on ${path}</h1>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server, close: () => new Promise<void>((r) => server.close(() => r())) };
}
