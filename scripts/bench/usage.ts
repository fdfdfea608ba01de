// Usage metering figures: the per-call cost of meter() on the request path (a Map update, no I/O)
// and of admitApiCall() with the store's position cached (what withApiKey runs), then flushUsage()
// writing N distinct counters (one additive upsert of four arrays per 5,000 rows) and a flush that also refreshes
// and evaluates the API-call position of S stores. Printed, never asserted.
import { randomBytes } from "node:crypto";
import { memory, ms } from "./util";

const CALLS = Number(process.env.BENCH_METER_CALLS ?? 2_000_000);
const KEYS = Number(process.env.BENCH_METER_KEYS ?? 10_000);

export async function benchUsage(dbLabel: string) {
  const { prisma } = await import("../../lib/db/client");
  const { meter, stopMeterTimer } = await import("../../lib/usage/meter");
  const { flushUsage } = await import("../../lib/usage/flush");
  const { admitApiCall, refreshGate } = await import("../../lib/usage/gate");
  const tag = randomBytes(3).toString("hex");
  const owner = await prisma.user.create({
    data: { email: `bench-usage-${tag}@example.com`, name: "Bench", passwordHash: "x" },
  });
  const storeCount = Math.max(1, Math.ceil(KEYS / 10));
  const stores = Array.from({ length: storeCount }, (_, i) => `us_${tag}_${String(i).padStart(5, "0")}`);
  await prisma.store.createMany({ data: stores.map((id) => ({ id, ownerId: owner.id, name: id, slug: id })) });
  console.log(`\nUsage metering on ${dbLabel}`);

  // meter(): the in-memory count a request pays, over 1,000 store × resource keys, next to the
  // cheapest possible count (one Map update with a built key) on the same machine at the same time.
  const resources = Array.from({ length: 10 }, (_, i) => `bench_r${i}`);
  for (let i = 0; i < 10_000; i++) meter(stores[i % stores.length]!, resources[i % 10]!); // warm-up
  stopMeterTimer(); // the bench flushes by hand
  await flushUsage();
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) meter(stores[i % 100]!, resources[i % 10]!);
  const meterNs = Number(process.hrtime.bigint() - t0) / CALLS;
  const bare = new Map<string, number>();
  t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) {
    const key = `${stores[i % 100]}\t${resources[i % 10]}`;
    bare.set(key, (bare.get(key) ?? 0) + 1);
  }
  const bareNs = Number(process.hrtime.bigint() - t0) / CALLS;
  console.log(
    `  meter(): ${meterNs.toFixed(0)} ns per call (${CALLS.toLocaleString("en")} calls over 1,000 keys); a bare Map count: ${bareNs.toFixed(0)} ns`,
  );
  stopMeterTimer();
  await flushUsage();

  // admitApiCall() with the position cached: what withApiKey adds to each store-key request. The
  // bench stores are on Free (10,000 calls): spread over every store, none comes near the limit.
  await Promise.all(stores.map((id) => refreshGate(id)));
  t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) admitApiCall(stores[i % stores.length]!);
  const admitNs = Number(process.hrtime.bigint() - t0) / CALLS;
  console.log(`  admitApiCall() (position cached, limit checked): ${admitNs.toFixed(0)} ns per call`);
  stopMeterTimer();
  let t1 = performance.now();
  const apiFlush = await flushUsage();
  console.log(
    `  flush of ${apiFlush.rows} API-call counters, refreshing and evaluating ${apiFlush.stores} stores: ${ms(performance.now() - t1)}`,
  );

  // flushUsage(): N distinct counters in one flush (reported resource types: no per-store evaluation).
  for (const n of [100, 1_000, KEYS]) {
    for (let i = 0; i < n; i++) meter(stores[Math.floor(i / 10)]!, resources[i % 10]!, 1 + (i % 3));
    stopMeterTimer();
    t1 = performance.now();
    const report = await flushUsage();
    const took = performance.now() - t1;
    console.log(
      `  flush of ${report.rows.toLocaleString("en")} counters: ${ms(took)} (${((report.rows / took) * 1000).toFixed(0)} counters/s)`,
    );
  }
  const total = await prisma.usageCounter.aggregate({ where: { storeId: { in: stores } }, _sum: { quantity: true } });
  console.log(`  counters written: ${total._sum.quantity?.toLocaleString("en")} units   memory: ${memory()}`);
  stopMeterTimer();
}
