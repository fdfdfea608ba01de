// The connect operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { AccountLinkInput, CreateAccountInput } from "@/lib/connect/accounts";

export const connectOperations: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/connect/account-links",
    tag: "connect",
    summary: "an onboarding or update link for the store's account",
    auth: "api_key_or_session",
    body: { AccountLinkInput },
    example: { type: "account_onboarding" },
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/connect/account/refresh",
    tag: "connect",
    summary: "re-read the account from Stripe",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/connect/account",
    tag: "connect",
    summary: "create the store's Stripe Express account",
    auth: "api_key_or_session",
    body: { CreateAccountInput },
    example: {},
    success: { status: 201 },
  },
  {
    method: "GET",
    path: "/api/v1/connect/account",
    tag: "connect",
    summary: "its status",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/connect/login-link",
    tag: "connect",
    summary: "a one-time link to the seller's Express dashboard",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
];
