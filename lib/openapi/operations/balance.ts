// The balance operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { PayoutsQuery } from "@/lib/balance/schemas";

export const balanceOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/balance",
    tag: "balance",
    summary: "the store's Stripe balance (available, pending, next payout) and PIX received per gateway",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/payouts",
    tag: "balance",
    summary: "the store's Stripe payouts, newest first, each with the balance transactions it paid out",
    auth: "api_key_or_session",
    query: { PayoutsQuery },
    success: { status: 200 },
  },
];
