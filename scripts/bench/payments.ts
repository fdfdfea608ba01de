// Payment history (lib/payments): server time per page for a store with 1k payments and one with
// 1M (70 % card orders, 30 % PIX charges), seeded with INSERT … SELECT generate_series into the
// throwaway PostgreSQL database. Pages: the newest, one half-way down (keyset cursor), filtered by
// method, status and a 7-day range, a search by whole buyer email and by amount, and the CSV
// stream's rows/s. One `lists.payments.<case>.ms` figure per case (value at 1M, base at 1k, so the
// ratio is 1M/1k), through the helpers of scripts/bench/lists.ts, which then runs the other seller
// lists (ledger, callback deliveries, audit). Printed, never asserted.
// BENCH_PAYMENTS sets the large store's size (default 1,000,000).
import { benchLists, type Case, LARGE, report } from "./lists";
import { figure } from "./report";
import { ms } from "./util";

async function seed(storeId: string, priceId: string, count: number, tag: string) {
  const { prisma } = await import("../../lib/db/client");
  const cards = Math.round(count * 0.7);
  const pix = count - cards;
  // One payment every 30 s back from now; statuses cycle so every filter has rows.
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Order" ("id","storeId","priceId","channel","status","amountTotal","currency","customerEmail",
       "externalOrderId","stripeAccountId","paidAt","createdAt","updatedAt")
     SELECT 'o${tag}' || i, $1, $2, 'CHECKOUT',
       (CASE i % 20 WHEN 0 THEN 'FAILED' WHEN 1 THEN 'REFUNDED' WHEN 2 THEN 'PENDING' WHEN 3 THEN 'PARTIALLY_REFUNDED' ELSE 'PAID' END)::"OrderStatus",
       1000 + (i % 50000), 'BRL', 'buyer' || (i % 40000) || '@example.com', 'PED-${tag}-' || i, 'acct_bench',
       now() - (i * 2 * interval '30 seconds'), now() - (i * 2 * interval '30 seconds'), now()
     FROM generate_series(1, $3::int) AS i`,
    storeId,
    priceId,
    cards,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "PixCharge" ("id","storeId","reference","amountCentavos","description","status","refundedCentavos",
       "customer","externalOrderId","paidAt","createdAt","updatedAt")
     SELECT 'p${tag}' || i, $1, 'ref${tag}' || i, 1000 + (i % 50000), 'Pedido PIX',
       (CASE i % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'failed' ELSE 'paid' END), 0,
       jsonb_build_object('name', 'Comprador ' || i, 'email', 'pix' || (i % 40000) || '@example.com'),
       'PIX-${tag}-' || i, now() - ((i * 2 + 1) * interval '30 seconds'), now() - ((i * 2 + 1) * interval '30 seconds'), now()
     FROM generate_series(1, $2::int) AS i`,
    storeId,
    pix,
  );
  await prisma.$executeRawUnsafe(`ANALYZE "Order"`);
  await prisma.$executeRawUnsafe(`ANALYZE "PixCharge"`);
}

export async function benchPayments(dbLabel: string) {
  const { prisma } = await import("../../lib/db/client");
  const { listPayments, storeScope } = await import("../../lib/payments/list");
  const { paymentsCsvStream } = await import("../../lib/payments/csv");
  const { ListPaymentsQuery } = await import("../../lib/payments/schemas");
  const { encodeCursor } = await import("../../lib/payments/cursor");
  const { today, nextDay } = await import("../../lib/payments/time-zone");
  console.log(`\nPayment history (lib/payments) — ${dbLabel}, pages of 50`);
  const owner = await prisma.user.create({
    data: { email: `bench-pay-${Date.now()}@example.com`, name: "Bench", passwordHash: "x" },
  });
  const sizes: Case[][] = [];
  const csv: number[] = [];
  for (const [tag, count] of [
    ["s", 1000],
    ["l", LARGE],
  ] as const) {
    const store = await prisma.store.create({
      data: { ownerId: owner.id, name: `Bench ${tag}`, slug: `bench-pay-${tag}-${Date.now()}` },
    });
    const product = await prisma.product.create({
      data: {
        storeId: store.id,
        name: "Curso",
        prices: { create: { storeId: store.id, unitAmount: 12990, currency: "BRL", type: "ONE_TIME" } },
      },
      include: { prices: true },
    });
    const t0 = performance.now();
    await seed(store.id, product.prices[0]!.id, count, tag);
    console.log(`  seeded ${count.toLocaleString("en")} payments in ${ms(performance.now() - t0)}`);
    const scope = await storeScope(store.id);
    const page = (q: Record<string, string | number>) => () =>
      listPayments(scope, ListPaymentsQuery.parse({ limit: 50, ...q }));
    const half = Math.floor(count / 2);
    const mid = await prisma.order.findFirstOrThrow({ where: { id: `o${tag}${Math.max(1, Math.floor(half / 2))}` } });
    const cursor = encodeCursor({ at: mid.createdAt, id: mid.id });
    const from = today(scope.timeZone, new Date(Date.now() - 6 * 86_400_000));
    // Both searches match rows at both sizes (buyer123 once at 1k, 18 times at 1M; R$ 10,50 is
    // amount 1050: twice at 1k, 20 times at 1M).
    sizes.push([
      ["newest", page({})],
      ["half_way", page({ cursor })],
      ["method_pix", page({ method: "pix" })],
      ["status_refunded", page({ status: "refunded" })],
      ["last_7_days", page({ from, to: nextDay(today(scope.timeZone)) })],
      ["search_email", page({ q: "buyer123@example.com" })],
      ["search_amount", page({ q: "10,50" })],
    ]);
    const c0 = performance.now();
    let lines = 0;
    const reader = paymentsCsvStream(scope, {}).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const b of value) if (b === 10) lines++;
      if (lines >= 20_000) break;
    }
    await reader.cancel();
    csv.push(lines / ((performance.now() - c0) / 1000));
  }
  await report("payments", sizes[0]!, sizes[1]!);
  figure("lists.payments.csv.rows_per_s", csv[1]!, { base: csv[0]!, extra: { rows: LARGE, base_rows: 1000 } });
  await benchLists(dbLabel);
}
