// A correctly signed body that is not a Stripe event we can record (a required field missing or of
// the wrong type) is the sender's error: 400 bad_request naming the field, and no ledger row. It
// used to reach the insert and fail on a not-null column as a 500, which Stripe retries forever.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { signedStripeDelivery } from "../support/stripe-webhook";
import { POST as platformRoute } from "@/app/api/webhooks/stripe/route";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { prisma } from "@/lib/db/client";

const SECRET = "whsec_test_malformed_secret";

function event(id: string, overrides: Record<string, unknown> = {}, drop: string[] = []) {
  const body: Record<string, unknown> = {
    id,
    object: "event",
    type: "customer.created",
    livemode: false,
    api_version: "2025-01-27.acacia",
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: "cus_malformed", object: "customer", metadata: {} } },
    ...overrides,
  };
  for (const key of drop) delete body[key];
  return body;
}

const delivery = (body: Record<string, unknown>) => signedStripeDelivery(body, SECRET);

describe("malformed Stripe events", () => {
  useTestDatabase();
  beforeAll(() => {
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    resetRateLimiters();
  });

  it.each([
    ["livemode missing", event("evt_malformed_livemode", {}, ["livemode"]), "livemode"],
    ["created missing", event("evt_malformed_created", {}, ["created"]), "created"],
    ["created not a number", event("evt_malformed_created_str", { created: "yesterday" }), "created"],
    ["type missing", event("evt_malformed_type", {}, ["type"]), "type"],
    ["data missing", event("evt_malformed_data", {}, ["data"]), "data"],
    [
      "a metadata value not text",
      event("evt_malformed_meta", { data: { object: { id: "cus_x", metadata: { storeId: 42 } } } }),
      "data.object.metadata.storeId",
    ],
  ])("%s: 400 bad_request naming the field, nothing recorded", async (_name, body, param) => {
    const res = await platformRoute(delivery(body));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "bad_request", param });
    expect(await prisma.stripeEvent.count({ where: { id: body.id as string } })).toBe(0);
  });

  it("an id missing is refused the same way, and nothing at all is recorded", async () => {
    const before = await prisma.stripeEvent.count();
    const res = await platformRoute(delivery(event("x", {}, ["id"])));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "bad_request", param: "id" });
    expect(await prisma.stripeEvent.count()).toBe(before);
  });

  it("the same event with every field is accepted and recorded once", async () => {
    const res = await platformRoute(delivery(event("evt_wellformed_control")));
    expect(res.status).toBe(200);
    expect(await prisma.stripeEvent.count({ where: { id: "evt_wellformed_control" } })).toBe(1);
  });
});
