// The callbacks.deliver job on the real runner: a kick after commit delivers promptly, and a
// retry due in 5 s gets a follow-up job instead of waiting for the once-a-minute sweep.
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { audit, newSeller, orderEvent, sampleOrder, startReceiver } from "./support";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { callbacksDeliverJob } from "@/lib/callbacks/job";
import { enqueueStoreEvent, kickDeliveries } from "@/lib/callbacks/enqueue";
import { createEndpoint } from "@/lib/callbacks/endpoints";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("callbacks.deliver job", () => {
  const { db } = useTestDatabase();
  afterAll(() => stopJobRunner());

  it("delivers on a kick and retries a 5 s failure through a follow-up job", async () => {
    const receiver = await startReceiver([{ status: 503 }, { status: 200 }]);
    try {
      const seller = await newSeller("job");
      await createEndpoint(seller.store, { url: receiver.url }, audit(seller.user.id));
      await startJobRunner([callbacksDeliverJob], { db: db(), fastTimers: true });
      const { eventId } = await db().prisma.$transaction((tx) =>
        enqueueStoreEvent(tx, {
          storeId: seller.store.id,
          sourceKey: "evt_job",
          ...orderEvent("payment.succeeded", sampleOrder(seller.store.id, "o1", { amountTotal: 100 })),
        }),
      );
      await kickDeliveries();
      await until(() => receiver.received.length >= 1, 15_000);
      // The sweep runs once a minute; the second attempt arriving well before that is the follow-up.
      await until(() => receiver.received.length >= 2, 30_000);
      expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([eventId, eventId]);
      const followUps = await db().sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'callbacks.deliver' AND data->>'followUp' = 'true' AND start_after > created_on + interval '3 seconds'`,
      );
      expect(followUps[0]!.n).toBeGreaterThanOrEqual(1);
      // The store got the POST; the worker records the answer a moment later.
      await expect
        .poll(() => db().prisma.callbackDelivery.findFirstOrThrow({ where: { eventId } }), { timeout: 10_000 })
        .toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    } finally {
      await receiver.close();
    }
  });
});
