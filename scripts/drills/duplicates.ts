// drill duplicates: DRILL_EVENTS (10,000) signed Stripe events, 30 % duplicates, shuffled, 64 at
// a time, spread over two `next start` instances on one PostgreSQL → every order paid, credit
// purchase credited and subscription change applied exactly once; every store callback delivered
// once per endpoint. Exits 1 on anything lost or doubled.
import { checkAudit, checkCallbacks, checkCredits, checkOrders, checkStripeLedger, checkSubscriptions } from "./checks";
import { report } from "./harness";
import { sendEvents } from "./stripe-world";
import { stripeDrillSetup } from "./stripe-setup";

export async function duplicatesDrill() {
  const setup = await stripeDrillSetup("duplicates");
  const { instances, burst, events, world, receiver, em } = setup;
  const started = performance.now();
  const stats = await sendEvents(em.stripe, () => instances.map((i) => i.url), burst, {
    concurrency: 64,
    retryRefused: true,
  });
  const failures: string[] = [];
  if (stats.undelivered) failures.push(`${stats.undelivered} events never got a 200`);
  await checkStripeLedger(
    events.map((e) => e.id),
    failures,
  );
  const orders = await checkOrders([...world.orderIds, ...world.subscriptionOrderIds], failures);
  const credits = await checkCredits(world.purchaseIds, failures);
  const callbacks = await checkCallbacks(receiver, failures, 180_000);
  const subs = await checkSubscriptions(world.subscriptionOrderIds, world.canceledSubscriptionOrderIds, failures);
  await checkAudit(failures);
  const ordersTotal = world.orderIds.length + world.subscriptionOrderIds.length;
  await report(
    "duplicates",
    started,
    `${burst.length} events (${burst.length - events.length} duplicates) over ${instances.length} instances in {s} — ` +
      `orders applied ${orders.once}/${ordersTotal} once (${orders.doubled} doubled), ` +
      `credits ${credits.succeeded}/${world.purchaseIds.length} credited, ${credits.doubled} doubled, ` +
      `subscriptions ${world.subscriptionOrderIds.length} (${world.canceledSubscriptions} canceled): ${subs.right}/${subs.pairs} reached each endpoint in the right state (${subs.cancelMissing} cancellations missing, ${subs.updateMissing} updates missing), ` +
      `callbacks ${callbacks.once}/${callbacks.total} delivered once (${callbacks.twice} twice, ${callbacks.missing} missing), ` +
      `retried sends ${stats.retried} [${[...stats.statuses].map(([k, v]) => `${k}:${v}`).join(" ")}]`,
    failures,
  );
}
