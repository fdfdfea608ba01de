// The overview's figures are the payment rows they summarise: counted on the store's local days
// (a payment at 01:30 UTC is the previous day in São Paulo), compared with the previous period of
// the same length, refunds and disputes subtracted from net, another store's rows and other
// currencies never added in.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { adjustment, overviewSeller, paidOrder, paidPix, pixRefund } from "./support";
import { getOverview } from "@/lib/overview/overview";
import { OverviewQuery } from "@/lib/overview/range";

// 12:00 on 2026-12-05 in São Paulo (UTC−3).
const NOW = new Date("2026-12-05T15:00:00Z");
const q = (input: Record<string, string>) => OverviewQuery.parse(input);

const localDay = (iso: string, timeZone = "America/Sao_Paulo") =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

describe("overview sales figures", () => {
  useTestDatabase();

  it("counts a payment at 01:30 UTC on the previous São Paulo day, and the sums equal the rows", async () => {
    const s = await overviewSeller();
    const rows = [
      { amount: 10000, paidAt: "2026-12-05T01:30:00Z", method: "card" }, // 04/12 22:30 local
      { amount: 2550, paidAt: "2026-12-05T03:30:00Z", method: "card" }, // 05/12 00:30 local
      { amount: 4000, paidAt: "2026-12-04T12:00:00Z", method: "pix" }, // 04/12 09:00 local
      { amount: 1990, paidAt: "2026-11-29T02:59:00Z", method: "pix" }, // 28/11 23:59 local: outside 7 days
      { amount: 700, paidAt: "2026-11-29T03:00:00Z", method: "card" }, // 29/11 00:00 local: first of 7 days
      { amount: 800, paidAt: "2026-11-28T12:00:00Z", method: "pix" }, // 28/11 09:00 local: previous 7 days
    ] as const;
    for (const r of rows)
      if (r.method === "card") await paidOrder(s, { amount: r.amount, paidAt: r.paidAt, fee: 0 });
      else await paidPix(s, { amount: r.amount, paidAt: r.paidAt });

    const today = await getOverview(s.store.id, q({ range: "today" }), NOW);
    expect(today.period).toMatchObject({ from: "2026-12-05", to: "2026-12-05" });
    expect(today.current).toMatchObject({ gross: 2550, payments: 1, averageTicket: 2550 });
    // Yesterday until the same time (12:00): the 09:00 PIX, not the 22:30 card payment.
    expect(today.previousPeriod).toMatchObject({ from: "2026-12-04", endsAt: "2026-12-04T12:00:00.000" });
    expect(today.previous).toMatchObject({ gross: 4000, payments: 1 });

    const week = await getOverview(s.store.id, q({ range: "7d" }), NOW);
    const inWeek = rows.filter((r) => localDay(r.paidAt) >= "2026-11-29" && localDay(r.paidAt) <= "2026-12-05");
    expect(week.current.gross).toBe(inWeek.reduce((sum, r) => sum + r.amount, 0));
    expect(week.current.gross).toBe(10000 + 2550 + 4000 + 700);
    expect(week.current.payments).toBe(inWeek.length);
    expect(week.current.byMethod).toEqual({
      card: { gross: 10000 + 2550 + 700, payments: 3 },
      pix: { gross: 4000, payments: 1 },
    });
    expect(week.current.averageTicket).toBe(Math.floor(17250 / 4));
    // The chart: one point per local day, the day's sum per method, adding up to the gross.
    expect(week.daily.points.map((p) => p.date)).toEqual([
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
    ]);
    const day = (d: string) => week.daily.points.find((p) => p.date === d);
    expect(day("2026-12-04")).toMatchObject({ card: 10000, pix: 4000, cardCount: 1, pixCount: 1 });
    expect(day("2026-12-05")).toMatchObject({ card: 2550, pix: 0 });
    expect(day("2026-11-29")).toMatchObject({ card: 700, pix: 0 });
    expect(week.daily.points.reduce((sum, p) => sum + p.card + p.pix, 0)).toBe(week.current.gross);
    // The previous 7 days stop at the same time of day as now (28/11 12:00): 09:00 counts, 23:59 does not.
    expect(week.previousPeriod).toMatchObject({ startsAt: "2026-11-22T00:00:00", endsAt: "2026-11-28T12:00:00.000" });
    expect(week.previous).toMatchObject({ gross: 800, payments: 1 });
  });

  it("counts days in the store's own time zone", async () => {
    const s = await overviewSeller({ timeZone: "Asia/Tokyo" });
    await paidOrder(s, { amount: 5000, paidAt: "2026-12-04T16:30:00Z" }); // 05/12 01:30 in Tokyo
    const today = await getOverview(s.store.id, q({ range: "today" }), NOW); // 06/12 00:00 in Tokyo
    expect(today.timeZone).toBe("Asia/Tokyo");
    expect(today.period.from).toBe("2026-12-06");
    expect(today.current.gross).toBe(0);
    const custom = await getOverview(s.store.id, q({ range: "custom", from: "2026-12-05", to: "2026-12-05" }), NOW);
    expect(custom.current.gross).toBe(5000);
  });

  it("subtracts refunds, held disputes and the platform fee from net, and gives back the refunded share of the fee", async () => {
    const s = await overviewSeller();
    const order = await paidOrder(s, { amount: 10000, fee: 500, paidAt: "2026-12-04T13:00:00Z" });
    await adjustment(s, order.id, { kind: "refund", amount: 3000, at: "2026-12-05T13:00:00Z" });
    // A refund that failed or is still pending is no money returned.
    await adjustment(s, order.id, { kind: "refund", amount: 1000, at: "2026-12-05T13:10:00Z", status: "failed" });
    await adjustment(s, order.id, { kind: "refund", amount: 1000, at: "2026-12-05T13:20:00Z", status: "pending" });
    const disputed = await paidOrder(s, { amount: 4000, fee: 200, paidAt: "2026-12-03T13:00:00Z" });
    await adjustment(s, disputed.id, { kind: "dispute", amount: 4000, at: "2026-12-05T14:00:00Z" });
    const won = await paidOrder(s, { amount: 1500, fee: 75, paidAt: "2026-12-03T14:00:00Z" });
    await adjustment(s, won.id, { kind: "dispute", amount: 1500, at: "2026-12-04T14:00:00Z", status: "won" });
    const pix = await paidPix(s, { amount: 5000, paidAt: "2026-12-04T15:00:00Z" });
    await pixRefund(s, pix.id, { amount: 2000, at: "2026-12-05T12:00:00Z" });
    await pixRefund(s, pix.id, { amount: 500, at: "2026-12-05T12:30:00Z", status: "failed" });

    const week = await getOverview(s.store.id, q({ range: "7d" }), NOW);
    const gross = 10000 + 4000 + 1500 + 5000;
    const fees = 500 + 200 + 75 - 150; // 3000 of 10000 refunded gives back 30 % of its 500 fee
    expect(week.current).toMatchObject({
      gross,
      payments: 4,
      refunds: { count: 2, amount: 3000 + 2000 },
      disputes: { count: 2, amount: 4000 },
      fees,
      net: gross - 5000 - 4000 - fees,
    });

    // Today only the refunds and the dispute happened: net is what left the seller's hands.
    const today = await getOverview(s.store.id, q({ range: "today" }), NOW);
    expect(today.current).toMatchObject({
      gross: 0,
      payments: 0,
      refunds: { count: 2, amount: 5000 },
      disputes: { count: 1, amount: 4000 },
      fees: -150,
      net: -5000 - 4000 + 150,
    });
  });

  it("compares with the previous period of the same length", async () => {
    const s = await overviewSeller();
    await paidOrder(s, { amount: 10000, paidAt: "2026-11-25T15:00:00Z" }); // previous 7 days
    await paidOrder(s, { amount: 12000, paidAt: "2026-12-01T15:00:00Z" });
    await paidOrder(s, { amount: 8000, paidAt: "2026-12-02T15:00:00Z" });
    const week = await getOverview(s.store.id, q({ range: "7d" }), NOW);
    expect(week.previousPeriod).toMatchObject({ from: "2026-11-22", to: "2026-11-28" });
    expect(week.previous).toMatchObject({ gross: 10000, payments: 1, averageTicket: 10000 });
    expect(week.current).toMatchObject({ gross: 20000, payments: 2, averageTicket: 10000 });
    expect(week.change).toMatchObject({ gross: 100, payments: 100, averageTicket: 0, net: 100 });

    const month = await getOverview(s.store.id, q({ range: "30d" }), NOW);
    expect(month.current.gross).toBe(30000);
    // Nothing in the 30 days before: no percentage to show.
    expect(month.change.gross).toBeNull();

    const custom = await getOverview(s.store.id, q({ range: "custom", from: "2026-12-01", to: "2026-12-01" }), NOW);
    expect(custom.previousPeriod).toMatchObject({
      from: "2026-11-30",
      to: "2026-11-30",
      endsAt: "2026-12-01T00:00:00",
    });
    expect(custom.current.gross).toBe(12000);
    expect(custom.change.gross).toBeNull();
  });

  it("never counts another store's payments, and never adds other currencies to the store's", async () => {
    const s = await overviewSeller();
    const other = await overviewSeller();
    await paidOrder(s, { amount: 10000, paidAt: "2026-12-04T15:00:00Z" });
    const usd = await paidOrder(s, { amount: 2500, currency: "USD", fee: 100, paidAt: "2026-12-04T16:00:00Z" });
    await adjustment(s, usd.id, { kind: "refund", amount: 500, currency: "USD", at: "2026-12-05T10:00:00Z" });
    const theirs = await paidOrder(other, { amount: 99900, paidAt: "2026-12-04T15:00:00Z" });
    await adjustment(other, theirs.id, { kind: "dispute", amount: 99900, at: "2026-12-05T10:00:00Z" });
    await paidPix(other, { amount: 77700, paidAt: "2026-12-04T15:00:00Z" });

    const week = await getOverview(s.store.id, q({ range: "7d" }), NOW);
    expect(week.currency).toBe("BRL");
    expect(week.current).toMatchObject({ gross: 10000, payments: 1, refunds: { count: 0 }, disputes: { count: 0 } });
    expect(week.daily.points.reduce((sum, p) => sum + p.card + p.pix, 0)).toBe(10000);
    expect(week.otherCurrencies).toHaveLength(1);
    expect(week.otherCurrencies[0]).toMatchObject({
      currency: "USD",
      current: { gross: 2500, payments: 1, refunds: { amount: 500 }, fees: 100 - 20, net: 2500 - 500 - 80 },
    });
    expect(week.latest.map((p) => p.id).sort()).toEqual(
      [usd.id, week.latest.find((p) => p.currency === "BRL")!.id].sort(),
    );
    expect(week.latest.every((p) => p.id !== theirs.id)).toBe(true);
    expect(week.attention.find((a) => a.kind === "disputes_open")).toBeUndefined();

    // A USD store: PIX (always BRL) stays apart from its dollars.
    const dollars = await overviewSeller({ currency: "USD" });
    await paidOrder(dollars, { amount: 1999, currency: "USD", paidAt: "2026-12-04T15:00:00Z" });
    await paidPix(dollars, { amount: 5000, paidAt: "2026-12-04T15:00:00Z" });
    const dollarWeek = await getOverview(dollars.store.id, q({ range: "7d" }), NOW);
    expect(dollarWeek.currency).toBe("USD");
    expect(dollarWeek.current).toMatchObject({ gross: 1999, byMethod: { pix: { gross: 0, payments: 0 } } });
    expect(dollarWeek.daily.points.reduce((sum, p) => sum + p.pix, 0)).toBe(0);
    expect(dollarWeek.otherCurrencies).toEqual([
      expect.objectContaining({ currency: "BRL", current: expect.objectContaining({ gross: 5000, payments: 1 }) }),
    ]);
  });

  it("leaves out payments that were never made", async () => {
    const s = await overviewSeller();
    await paidOrder(s, { amount: 10000, paidAt: "2026-12-04T15:00:00Z", status: "FAILED" });
    await paidOrder(s, { amount: 10000, paidAt: "2026-12-04T15:00:00Z", status: "PENDING" });
    await paidPix(s, { amount: 3000, paidAt: "2026-12-04T15:00:00Z", status: "failed" });
    await paidOrder(s, { amount: 6000, paidAt: "2026-12-04T15:00:00Z", status: "REFUNDED", channel: "RENEWAL" });
    const week = await getOverview(s.store.id, q({ range: "7d" }), NOW);
    // A renewal that was later refunded was still a payment made; its refund counts on its own day.
    expect(week.current).toMatchObject({ gross: 6000, payments: 1 });
    expect(week.latest).toEqual([expect.objectContaining({ channel: "renewal", status: "refunded", amount: 6000 })]);
  });
});
