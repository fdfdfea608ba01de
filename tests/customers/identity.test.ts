// How a buyer is recognised and shown: email normalised, CPF/CNPJ masked and hashed, phone formatted,
// and what the search box takes a query for.
import { describe, expect, it } from "vitest";
import {
  formatPhone,
  hashTaxId,
  maskTaxId,
  normaliseEmail,
  normalisePhone,
  parseCustomerQuery,
} from "@/lib/customers/identity";

describe("customer identity", () => {
  it("one email however it was typed; not-emails are none", () => {
    expect(normaliseEmail("  Ana.Buyer@Example.COM ")).toBe("ana.buyer@example.com");
    expect(normaliseEmail("ana")).toBeNull();
    expect(normaliseEmail(undefined)).toBeNull();
  });

  it("shows only the middle of a CPF or CNPJ, and never stores the digits in the hash", () => {
    expect(maskTaxId("12345678909")).toBe("***.456.789-**");
    expect(maskTaxId("12345678000195")).toBe("**.345.678/0001-**");
    expect(hashTaxId("12345678909")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTaxId("12345678909")).not.toBe(hashTaxId("12345678900"));
  });

  it("phones as digits, shown the Brazilian way", () => {
    expect(normalisePhone("(11) 98888-7777")).toBe("11988887777");
    expect(normalisePhone("123")).toBeNull();
    expect(formatPhone("11988887777")).toBe("(11) 98888-7777");
    expect(formatPhone("5521987654321")).toBe("(21) 98765-4321");
    expect(formatPhone("1133334444")).toBe("(11) 3333-4444");
  });

  it("a search is text (email or name), or digits (phone, or a whole CPF/CNPJ by its hash)", () => {
    expect(parseCustomerQuery("  Maria ")).toEqual({ kind: "text", text: "maria" });
    expect(parseCustomerQuery("ana@")).toEqual({ kind: "text", text: "ana@" });
    expect(parseCustomerQuery("123.456.789-09")).toEqual({
      kind: "digits",
      digits: "12345678909",
      taxIdHash: hashTaxId("12345678909"),
    });
    expect(parseCustomerQuery("98888")).toEqual({ kind: "digits", digits: "98888", taxIdHash: null });
    expect(parseCustomerQuery("   ")).toBeNull();
  });
});
