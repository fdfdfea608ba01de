// The orders operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { RefundOrderInput } from "@/lib/orders/refunds";
import { ListOrdersQuery } from "@/lib/orders/schemas";

export const ordersOperations: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/orders/{id}/refunds",
    tag: "orders",
    summary: "refund part or all of a paid card order (Idempotency-Key required)",
    auth: "api_key_or_session",
    body: { RefundOrderInput },
    example: { amount: 2000, reason: "requested_by_customer" },
    success: { status: 201 },
    errors: ["idempotency_key_required", "refund_exceeds_remaining", "order_not_refundable", "stripe_error"],
    idempotency: "required",
  },
  {
    method: "GET",
    path: "/api/v1/orders/{id}/refunds",
    tag: "orders",
    summary: "lists its refunds",
    auth: "api_key_or_session",
    success: { status: 200 },
    idempotency: "required",
  },
  {
    method: "GET",
    path: "/api/v1/orders/{id}",
    tag: "orders",
    summary: "one order, converged with Stripe when still pending",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/orders",
    tag: "orders",
    summary: "the store's recent orders (?status=PAID|PENDING|…)",
    auth: "api_key_or_session",
    query: { ListOrdersQuery },
    queryExample: { status: "PAID" },
    success: { status: 200 },
  },
];
