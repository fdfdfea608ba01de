// Buyer data, split rules and gateway timestamps: the pure rules the adapters apply before any call.
import { afterEach, describe, expect, it } from "vitest";
import {
  customerProblems,
  isBrPhone,
  isCnpj,
  isCpf,
  normaliseCustomer,
  normalisePhone,
  requiredFields,
} from "@/lib/pix/customer";
import { toDate } from "@/lib/pix/fields";
import { splitProblem } from "@/lib/pix/split";

describe("CPF / CNPJ / phone", () => {
  it("accepts CPFs and CNPJs whose check digits hold and refuses the rest", () => {
    // Receita Federal's documented examples and well-known valid test numbers.
    for (const ok of ["12345678909", "11144477735", "52998224725"]) expect(isCpf(ok)).toBe(true);
    for (const bad of ["12345678900", "11111111111", "1234567890", "123456789091", "00000000000"])
      expect(isCpf(bad)).toBe(false);
    expect(isCnpj("11222333000181")).toBe(true);
    expect(isCnpj("11222333000180")).toBe(false);
  });

  it("normalises phones as people type them to 10–11 digits", () => {
    expect(normalisePhone("+55 (11) 99999-0000")).toBe("11999990000");
    expect(normalisePhone("011 3333-4444")).toBe("1133334444");
    expect(normalisePhone("21 98888 7777")).toBe("21988887777");
    for (const ok of ["11999990000", "1133334444"]) expect(isBrPhone(ok)).toBe(true);
    for (const bad of ["9999", "01999990000", "11899990000", "119999900001"]) expect(isBrPhone(bad)).toBe(false);
  });

  it("names exactly what is missing or malformed for a gateway's requirements", () => {
    const req = { name: true, email: true, phone: true, document: "cpf" } as const;
    expect(customerProblems(req, undefined).map((p) => `${p.field}:${p.reason}`)).toEqual([
      "name:missing",
      "email:missing",
      "document:missing",
      "phone:missing",
    ]);
    const c = normaliseCustomer({
      name: " Maria  da Silva ",
      email: "maria@example.com",
      document: "123.456.789-09",
      phone: "+55 11 99999-0000",
    });
    expect(c).toEqual({
      name: "Maria da Silva",
      email: "maria@example.com",
      document: "12345678909",
      phone: "11999990000",
    });
    expect(customerProblems(req, c)).toEqual([]);
    // A CNPJ is refused where only a CPF is accepted (SyncPay, Paradise), accepted where either is (Átomo).
    expect(customerProblems(req, { ...c, document: "11222333000181" })).toEqual([
      { field: "document", reason: "invalid" },
    ]);
    expect(customerProblems({ ...req, document: "cpf_or_cnpj" }, { ...c, document: "11222333000181" })).toEqual([]);
    expect(requiredFields({ name: true, email: true, phone: false, document: false })).toEqual(["name", "email"]);
  });
});

describe("split limits", () => {
  const pushinpay = { maxRecipients: 10, maxTotalPercentage: 50 };
  const wiinpay = { maxRecipients: 1, maxTotalPercentage: 100, minShareExclusiveCentavos: 10 };
  const syncpay = { maxRecipients: 3, maxTotalPercentage: 100 };
  it("applies each gateway's rule", () => {
    expect(splitProblem(pushinpay, [{ recipientId: "a", percentage: 50 }])).toBeNull();
    expect(
      splitProblem(pushinpay, [
        { recipientId: "a", percentage: 30 },
        { recipientId: "b", percentage: 21 },
      ]),
    ).toMatch(/51 %.*50 %/);
    expect(
      splitProblem(
        syncpay,
        ["a", "b", "c", "d"].map((r) => ({ recipientId: r, percentage: 5 })),
      ),
    ).toMatch(/at most 3/);
    expect(
      splitProblem(syncpay, [
        { recipientId: "a", percentage: 5 },
        { recipientId: "a", percentage: 5 },
      ]),
    ).toMatch(/twice/);
    expect(splitProblem(syncpay, [{ recipientId: "a", percentage: 2.5 }])).toMatch(/whole numbers/);
    expect(
      splitProblem(wiinpay, [
        { recipientId: "a", percentage: 1 },
        { recipientId: "b", percentage: 1 },
      ]),
    ).toMatch(/at most 1 recipient$/);
    // WiinPay: the share must be MORE than R$ 0,10 — 1 % of R$ 10,00 is exactly 0,10.
    expect(splitProblem(wiinpay, [{ recipientId: "a", percentage: 1 }], 1000)).toMatch(/more than 10 centavos/);
    expect(splitProblem(wiinpay, [{ recipientId: "a", percentage: 1 }], 1100)).toBeNull();
    // Saved settings are checked without an amount; the amount rule waits for the charge.
    expect(splitProblem(wiinpay, [{ recipientId: "a", percentage: 1 }])).toBeNull();
    expect(splitProblem(null, [{ recipientId: "a", percentage: 1 }])).toMatch(/does not take split/);
  });
});

describe("gateway timestamps", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });
  it("reads a zone-less date-time as Brasília time (UTC−3), whatever the server's zone", () => {
    for (const tz of ["UTC", "Asia/Tokyo", "America/Sao_Paulo", "America/New_York"]) {
      process.env.TZ = tz;
      expect(toDate("2026-12-04 15:30:00")?.toISOString()).toBe("2026-12-04T18:30:00.000Z");
      expect(toDate("2026-07-01T23:59")?.toISOString()).toBe("2026-07-02T02:59:00.000Z");
    }
    // With a zone, or as epoch milliseconds, the value is taken as it is.
    expect(toDate("2026-12-04T15:30:00Z")?.toISOString()).toBe("2026-12-04T15:30:00.000Z");
    expect(toDate("2026-12-04T15:30:00-03:00")?.toISOString()).toBe("2026-12-04T18:30:00.000Z");
    expect(toDate(Date.UTC(2026, 0, 1))?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(toDate("not a date")).toBeUndefined();
  });
});
