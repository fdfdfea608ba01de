// The platform operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { ChangePlanInput, SubscribeInput } from "@/lib/billing/schemas";

export const platformOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/platform/plans",
    tag: "platform",
    summary: "every plan with its monthly and yearly price in the store's currency, fee, limits, overage and features",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/platform/subscription/cancel",
    tag: "platform",
    summary: "cancel the plan at the end of the period",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/platform/subscription/resume",
    tag: "platform",
    summary: "undo a cancellation before the period ends",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/platform/subscription",
    tag: "platform",
    summary: "current plan (synced from Stripe) and the plan in force",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/platform/subscription",
    tag: "platform",
    summary: "subscribe (Checkout URL for paid plans)",
    auth: "api_key_or_session",
    body: { SubscribeInput },
    example: { planCode: "pro", interval: "month" },
    success: { status: 200 },
  },
  {
    method: "PATCH",
    path: "/api/v1/platform/subscription",
    tag: "platform",
    summary: "change plan or interval now, prorated",
    auth: "api_key_or_session",
    body: { ChangePlanInput },
    example: { planCode: "business", interval: "year" },
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/portal-sessions",
    tag: "platform",
    summary: "a billing-portal session for the seller's platform subscription",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
];
