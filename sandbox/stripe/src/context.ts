/** What every handler and domain function receives: the emulator, the account scope, the request. */
import type { EmulatorApp } from "./app";
import type { Scope } from "./store";

export type RequestInfo = { id: string; idempotencyKey: string | null };

export type Ctx = {
  app: EmulatorApp;
  /** null = the platform; otherwise the connected account from the Stripe-Account header. */
  scope: Scope;
  /** The API request that caused the work, or null for hosted pages, controls and the clock. */
  request: RequestInfo | null;
  keyType: "secret" | "publishable";
};

export function systemCtx(app: EmulatorApp, scope: Scope): Ctx {
  return { app, scope, request: null, keyType: "secret" };
}
