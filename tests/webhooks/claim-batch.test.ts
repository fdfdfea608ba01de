// Concurrent deliveries share one claim statement and one mark-processed statement
// (lib/db/coalesce.ts): each event id is still claimed and applied once, duplicates inside one
// batch answer "duplicate", and one event the database refuses fails alone, not its batch-mates.
import { describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { prisma } from "@/lib/db/client";
import { ingestEvent } from "@/lib/webhooks/stripe/process";

function event(id: string, type: string, extra: Record<string, unknown> = {}): Stripe.Event {
  return {
    id,
    object: "event",
    type,
    account: "acct_claim_batch",
    api_version: "2025-01-27.acacia",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { id: `pi_${id}`, object: "payment_intent", metadata: {}, ...extra } },
  } as unknown as Stripe.Event;
}

describe(`batched claims (${testDatabaseKind()})`, () => {
  useTestDatabase();

  it("60 concurrent deliveries of 20 events: each processed once, the rest duplicates", async () => {
    const events = Array.from({ length: 20 }, (_, i) =>
      event(`evt_batch_${i}`, i % 2 ? "payment_intent.succeeded" : "payment_intent.created"),
    );
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => ingestEvent(events[i % 20]!, "webhook")));
    const count = (r: string) => results.filter((x) => x === r).length;
    expect([count("processed"), count("ignored"), count("duplicate"), count("failed")]).toEqual([10, 10, 40, 0]);
    const rows = await prisma.stripeEvent.findMany({ where: { account: "acct_claim_batch" } });
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.status === "PROCESSED" && r.attempts === 1 && r.processedAt !== null)).toBe(true);
    expect(await ingestEvent(events[1]!, "sync")).toBe("duplicate");
  });

  it("an event the database refuses fails on its own; the others in flight with it are recorded", async () => {
    // A NUL character cannot be stored in jsonb: the batch statement fails, then each item is retried alone.
    const poison = event("evt_batch_poison", "payment_intent.created", { description: "bad \u0000 byte" });
    const good = Array.from({ length: 9 }, (_, i) => event(`evt_batch_good_${i}`, "payment_intent.created"));
    // The first caller goes alone (nothing in flight); the poison waits in the next batch.
    const results = await Promise.allSettled(
      [good[0]!, poison, ...good.slice(1)].map((e) => ingestEvent(e, "webhook")),
    );
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "rejected"))).toEqual([
      "ignored",
      "rejected",
      ...Array.from({ length: 8 }, () => "ignored"),
    ]);
    expect(await prisma.stripeEvent.count({ where: { id: { startsWith: "evt_batch_good_" } } })).toBe(9);
    expect(await prisma.stripeEvent.count({ where: { id: "evt_batch_poison" } })).toBe(0);
  });
});
