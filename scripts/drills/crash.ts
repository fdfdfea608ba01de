// drill crash: the duplicates burst, but one instance is killed with SIGKILL when 40 % is sent and
// restarted 3 s later; what it refused or dropped is not resent (Stripe's next retry would be
// minutes away). Then the recovery sync (POST /api/internal/sync/stripe-events on an instance,
// what the stripe.sync-events job runs) → 0 lost, 0 doubled.
import { checkAudit, checkCallbacks, checkCredits, checkOrders, checkStripeLedger, checkSubscriptions } from "./checks";
import { crash, type Instance, report, SECRETS, sleep, startInstance } from "./harness";
import { sendEvents } from "./stripe-world";
import { stripeDrillSetup } from "./stripe-setup";

async function recoverySync(instance: Instance) {
  const res = await fetch(`${instance.url}/api/internal/sync/stripe-events`, {
    method: "POST",
    headers: { authorization: `Bearer ${SECRETS.internal}` },
  });
  const body = (await res.json()) as { ingested?: number; failed?: number; seen?: number };
  if (res.status !== 200) throw new Error(`recovery sync answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

export async function crashDrill() {
  const setup = await stripeDrillSetup("crash");
  const { instances, burst, events, world, receiver, em, env, dist } = setup;
  const started = performance.now();
  const killAt = Math.floor(burst.length * 0.4);
  let killed = false;
  let restartSeconds = 0;
  let restarting: Promise<void> = Promise.resolve();
  const stats = await sendEvents(em.stripe, () => instances.map((i) => i.url), burst, {
    concurrency: 64,
    retryRefused: false,
    onSent: (n) => {
      if (killed || n < killAt) return;
      killed = true;
      crash(instances[1]!);
      const t0 = performance.now();
      restarting = (async () => {
        await sleep(3000);
        instances[1] = await startInstance(env, dist, 1);
        restartSeconds = (performance.now() - t0) / 1000;
      })();
    },
  });
  await restarting;
  const { prisma } = await import("../../lib/db/client");
  const ids = events.map((e) => e.id);
  const missingBefore =
    ids.length - (await prisma.stripeEvent.count({ where: { id: { in: ids }, status: "PROCESSED" } }));
  const first = await recoverySync(instances[1]!);
  // Claims the killed process held stay PROCESSING until their 5-minute lease (CLAIM_LEASE_MS)
  // runs out. Nothing else is in flight now, so any left are its; age them by the lease, as five
  // minutes passing would, and sync again.
  const aged = await prisma.$executeRawUnsafe(
    `UPDATE "StripeEvent" SET "claimedAt" = "claimedAt" - interval '5 minutes 1 second' WHERE status = 'PROCESSING'`,
  );
  const second = aged > 0 ? await recoverySync(instances[0]!) : { ingested: 0 };
  const failures: string[] = [];
  await checkStripeLedger(ids, failures);
  const orders = await checkOrders([...world.orderIds, ...world.subscriptionOrderIds], failures);
  const credits = await checkCredits(world.purchaseIds, failures);
  const callbacks = await checkCallbacks(receiver, failures, 240_000, { allowRedelivery: true });
  const subs = await checkSubscriptions(world.subscriptionOrderIds, world.canceledSubscriptionOrderIds, failures);
  await checkAudit(failures);
  const ordersTotal = world.orderIds.length + world.subscriptionOrderIds.length;
  await report(
    "crash",
    started,
    `${burst.length} events (${burst.length - events.length} duplicates) over 2 instances, app1 killed -9 at ${killAt} sent and back in ${restartSeconds.toFixed(1)} s, ` +
      `${stats.undelivered} sends refused; ${missingBefore} events unapplied before the recovery sync, which ingested ${first.ingested ?? 0} + ${second.ingested ?? 0} (${aged} abandoned claims aged past the lease) in {s} — ` +
      `lost ${ordersTotal - orders.paid} orders, orders applied ${orders.once}/${ordersTotal} once (${orders.doubled} doubled), ` +
      `credits ${credits.succeeded}/${world.purchaseIds.length}, ${credits.doubled} doubled, ` +
      `subscriptions ${subs.right}/${subs.pairs} in the right state at each endpoint, ` +
      `callbacks ${callbacks.once}/${callbacks.total} delivered once (${callbacks.twice} redelivered with the same id, ${callbacks.missing} missing)`,
    failures,
  );
}
