// drill store-outage: DRILL_CALLBACKS (600) payment callbacks for stores whose receiver is down for
// one hour of emulated time, then back. Time is the delivery code's own clock injection
// (deliverDue({ now })): the drill steps `now` to each next due attempt (at most 30 s at a time
// while the receiver is down) and runs two workers, as two instances' job runners, at each step.
// No app instance runs here: their real-time sweeps would not see rows due in emulated time anyway.
// → every callback delivered, each exactly once per endpoint.
import { checkCallbacks } from "./checks";
import { drillEnv, report, runConcurrent, startReceiver, throwawayDatabase } from "./harness";

const CALLBACKS = Number(process.env.DRILL_CALLBACKS ?? 600);
const STORES = 10;
const OUTAGE_MS = 3_600_000;
const HORIZON_MS = 48 * 3_600_000;

export async function storeOutageDrill() {
  await throwawayDatabase("store_outage");
  await drillEnv();
  const receiver = await startReceiver();
  const { prisma } = await import("../../lib/db/client");
  const { createEndpoint } = await import("../../lib/callbacks/endpoints");
  const { enqueueStoreEvent } = await import("../../lib/callbacks/enqueue");
  const { paymentSucceeded } = await import("../../lib/callbacks/contract");
  const { deliverDue } = await import("../../lib/callbacks/deliver");
  const audit = { actor: { type: "system" as const, id: "drill" } };
  const stores: string[] = [];
  for (let i = 0; i < STORES; i++) {
    const owner = await prisma.user.create({
      data: { email: `outage-${i}@drill.local`, name: "Drill", passwordHash: "x" },
    });
    const store = await prisma.store.create({ data: { ownerId: owner.id, name: `Outage ${i}`, slug: `outage-${i}` } });
    for (let e = 0; e < (i % 3 === 0 ? 2 : 1); e++)
      await createEndpoint({ id: store.id, storeDomain: null }, { url: `${receiver.url}/o${i}e${e}/` }, audit);
    stores.push(store.id);
  }
  const started = performance.now();
  const t0 = Date.now();
  receiver.down = true;
  await runConcurrent(CALLBACKS, 8, async (i) => {
    const storeId = stores[i % STORES]!;
    await prisma.$transaction((tx) =>
      enqueueStoreEvent(tx, {
        storeId,
        sourceKey: `outage:${i}`,
        ...paymentSucceeded({
          order: {
            id: `o${i}`,
            externalOrderId: `outage-${i}`,
            storeId,
            amountTotal: 1000 + i,
            currency: "BRL",
            channel: "CHECKOUT",
            paymentIntentId: null,
            checkoutSessionId: null,
            subscriptionId: null,
            customerEmail: null,
            failureCode: null,
            failureMessage: null,
          },
        }),
      }),
    );
  });
  let now = t0;
  let steps = 0;
  let upAt = 0;
  for (;;) {
    const at = new Date(now);
    // Two workers, as on two instances, until nothing more is due at this instant.
    await Promise.all(
      [0, 1].map(async () => {
        for (;;) if ((await deliverDue({ now: at, limit: 50 })).claimed === 0) return;
      }),
    );
    steps++;
    const open = await prisma.callbackDelivery.findFirst({
      where: { status: { in: ["PENDING", "DELIVERING"] } },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (!open || now - t0 > HORIZON_MS) break;
    let next = Math.max(open.nextAttemptAt.getTime(), now + 1000);
    if (receiver.down) next = Math.min(next, now + 30_000, t0 + OUTAGE_MS);
    now = next;
    if (receiver.down && now >= t0 + OUTAGE_MS) {
      receiver.down = false;
      upAt = now;
    }
  }
  const failures: string[] = [];
  const last = await prisma.callbackDelivery.aggregate({ _max: { deliveredAt: true } });
  const lastDeliveredAt = last._max.deliveredAt?.getTime() ?? t0;
  const disabled = await prisma.callbackEndpoint.count({ where: { enabled: false } });
  const canceled = await prisma.callbackDelivery.count({ where: { status: "CANCELED" } });
  if (disabled) failures.push(`${disabled} endpoints disabled by the outage (${canceled} deliveries canceled)`);
  const callbacks = await checkCallbacks(receiver, failures, 1_000);
  const hours = (ms: number) => `${(ms / 3_600_000).toFixed(2)} h`;
  await report(
    "store-outage",
    started,
    `${CALLBACKS} events → ${callbacks.total} deliveries to ${STORES} stores, receiver down ${hours(OUTAGE_MS)} of emulated time (${receiver.refused} attempts refused), ` +
      `${upAt ? `last delivery at +${hours(lastDeliveredAt - t0)} emulated` : "nothing left to deliver when it came back"}, ${steps} clock steps in {s} — ` +
      `delivered once ${callbacks.once}/${callbacks.total}, twice ${callbacks.twice}, missing ${callbacks.missing}, endpoints disabled ${disabled}, canceled ${canceled}`,
    failures,
  );
}
