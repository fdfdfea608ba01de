// Setup shared by the duplicates and crash drills: database, emulator, receiver, two instances,
// stores and Stripe objects made until the emulator holds ~70 % of DRILL_EVENTS distinct events.
import {
  drillEnv,
  ensureBuild,
  type Instance,
  startInstance,
  startReceiver,
  startStripeEmulator,
  throwawayDatabase,
} from "./harness";
import { emittedEvents, seedRound, seedStores, withDuplicates } from "./stripe-world";

export const EVENTS = Number(process.env.DRILL_EVENTS ?? 10_000);
export const DUPLICATE_SHARE = 0.3;
const STORES = Number(process.env.DRILL_STORES ?? 12);
const ROUND = { orders: 12, credits: 4, subs: 2 };

export async function stripeDrillSetup(drill: string) {
  const dist = ensureBuild();
  await throwawayDatabase(drill);
  const env = await drillEnv();
  const em = await startStripeEmulator();
  const receiver = await startReceiver();
  const instances: Instance[] = [];
  for (const i of [0, 1]) instances.push(await startInstance(env, dist, i));
  const world = await seedStores(STORES, receiver);
  const uniqueTarget = Math.round(EVENTS * (1 - DUPLICATE_SHARE));
  const before = (await emittedEvents(em)).length;
  await seedRound(em, world, 0, ROUND);
  let events = await emittedEvents(em);
  const perRound = Math.max(1, events.length - before);
  // Later rounds can make fewer events than the first, so the count is taken again after each batch
  // and rounds go on until the target is reached: the burst is then at least DRILL_EVENTS (one
  // estimate from the first round alone stopped at 6,735 distinct events, a burst of 9,621).
  for (let round = 1; events.length < uniqueTarget; ) {
    const rounds = Math.max(1, Math.ceil((uniqueTarget - events.length) / perRound));
    for (const end = round + rounds; round < end; round++) await seedRound(em, world, round, ROUND);
    events = await emittedEvents(em);
  }
  process.stdout.write(
    `drill ${drill}: seeded ${world.stores.length} stores, ${world.orderIds.length} orders, ${world.purchaseIds.length} credit purchases, ${world.subscriptionOrderIds.length} subscriptions (${world.canceledSubscriptions} canceled) → ${events.length} distinct Stripe events\n`,
  );
  const burst = withDuplicates(events, DUPLICATE_SHARE);
  return { env, dist, em, receiver, instances, world, events, burst };
}
