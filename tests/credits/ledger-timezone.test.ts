// Ledger date filters count calendar days in the zone the page shows dates in (America/Sao_Paulo),
// and the CSV export uses the same bounds: an entry at 23:30 in São Paulo (02:30 UTC the next day)
// belongs to the São Paulo day it is displayed under.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { params, seller } from "./support";
import { prisma } from "@/lib/db/client";
import { appendEntry, inLedgerTx } from "@/lib/credits/ledger";
import { creditSeries, ledgerRange, startOfDayIn } from "@/lib/credits/views";
import { formatDateTime } from "@/lib/i18n/format";
import { GET as ledgerRoute } from "@/app/api/v1/credits/ledger/route";
import { GET as exportRoute } from "@/app/api/v1/credits/ledger/export/route";

describe("ledger date filters and time zones", () => {
  useTestDatabase();

  it("computes a day's bounds in a zone, DST included", () => {
    expect(startOfDayIn("2026-03-09", "America/Sao_Paulo").toISOString()).toBe("2026-03-09T03:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "UTC").toISOString()).toBe("2026-03-09T00:00:00.000Z");
    // New York springs forward on 2026-03-08 (−5 h before, −4 h after midnight of the 9th).
    expect(startOfDayIn("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(ledgerRange({ from: "2026-03-09", to: "2026-03-09", tz: "America/Sao_Paulo" })).toEqual({
      gte: new Date("2026-03-09T03:00:00Z"),
      lt: new Date("2026-03-10T03:00:00Z"),
    });
    expect(ledgerRange({ from: "2026-03-09T12:00:00Z" })).toEqual({ gte: new Date("2026-03-09T12:00:00Z") });
  });

  it("an entry at 23:30 São Paulo time is listed and exported under that São Paulo day", async () => {
    const s = await seller("BRL");
    const at = async (iso: string, amount: number) => {
      const { entry } = await inLedgerTx((tx) =>
        appendEntry(tx, {
          storeId: s.store.id,
          kind: "ADJUSTMENT",
          amount,
          uniqueKey: `tz:${iso}`,
          reference: iso,
          reason: "tz test",
          actor: { type: "admin", id: null },
        }),
      );
      await prisma.creditLedgerEntry.update({ where: { id: entry.id }, data: { createdAt: new Date(iso) } });
    };
    await at("2026-03-09T03:10:00Z", 10); // 00:10 on the 9th in São Paulo (first minutes of the day)
    await at("2026-03-10T02:30:00Z", 20); // 23:30 on the 9th in São Paulo, already the 10th in UTC
    await at("2026-03-10T03:05:00Z", 30); // 00:05 on the 10th in São Paulo
    // What the page shows for the boundary entry:
    expect(formatDateTime("2026-03-10T02:30:00Z", "en")).toMatch(/Mar 9, 2026.*11:30/);

    const refs = async (query: string) =>
      (
        (await (await ledgerRoute(s.call(`/api/v1/credits/ledger${query}`), params())).json()).entries as {
          reference: string;
        }[]
      )
        .map((e) => e.reference)
        .sort();
    const sp = "tz=America%2FSao_Paulo";
    expect(await refs(`?from=2026-03-09&to=2026-03-09&${sp}`)).toEqual([
      "2026-03-09T03:10:00Z",
      "2026-03-10T02:30:00Z",
    ]);
    expect(await refs(`?from=2026-03-10&to=2026-03-10&${sp}`)).toEqual(["2026-03-10T03:05:00Z"]);
    expect(await refs(`?to=2026-03-09&${sp}`)).toEqual(["2026-03-09T03:10:00Z", "2026-03-10T02:30:00Z"]);
    // Without tz the API keeps counting UTC days (the boundary entry is on the 10th there).
    expect(await refs("?from=2026-03-09&to=2026-03-09")).toEqual(["2026-03-09T03:10:00Z"]);

    // The CSV export uses the same bounds.
    const csv = await (
      await exportRoute(s.call(`/api/v1/credits/ledger/export?from=2026-03-09&to=2026-03-09&${sp}`), params())
    ).text();
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows.map((r) => r.split(",")[5])).toEqual(["2026-03-09T03:10:00Z", "2026-03-10T02:30:00Z"]);

    // An unknown zone is a 422, not a silent UTC.
    const bad = await ledgerRoute(s.call("/api/v1/credits/ledger?from=2026-03-09&tz=Mars%2FOlympus"), params());
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("validation_failed");
  });

  it("the bought-vs-spent series counts days in the zone it is asked for", async () => {
    const s = await seller("BRL");
    const at = async (iso: string, kind: "PURCHASE" | "SPEND", amount: number) => {
      const { entry } = await inLedgerTx((tx) =>
        appendEntry(tx, { storeId: s.store.id, kind, amount, uniqueKey: `series:${iso}`, actor: { type: "system" } }),
      );
      await prisma.creditLedgerEntry.update({ where: { id: entry.id }, data: { createdAt: new Date(iso) } });
    };
    await at("2026-03-09T12:00:00Z", "PURCHASE", 100);
    await at("2026-03-10T02:30:00Z", "SPEND", -15); // 23:30 on the 9th in São Paulo
    await at("2026-03-10T13:00:00Z", "SPEND", -5);
    const now = new Date("2026-03-10T20:00:00Z");
    const sp = (await creditSeries(s.store.id, { days: 2, now, tz: "America/Sao_Paulo" })).series;
    expect(sp).toEqual([
      { date: "2026-03-09", bought: 100, spent: 15 },
      { date: "2026-03-10", bought: 0, spent: 5 },
    ]);
    const utc = (await creditSeries(s.store.id, { days: 2, now })).series;
    expect(utc).toEqual([
      { date: "2026-03-09", bought: 100, spent: 0 },
      { date: "2026-03-10", bought: 0, spent: 20 },
    ]);
  });
});
