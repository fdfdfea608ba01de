import { describe, expect, it } from "vitest";
import { amountToInput } from "@/lib/money";
import { parseReais } from "./types";

describe("PIX amount fields", () => {
  it("reads what the seller typed in either locale, exactly, and refuses zero and nonsense", () => {
    expect(parseReais("12,50", "pt-BR")).toBe(1250);
    expect(parseReais("12.50", "pt-BR")).toBe(1250);
    expect(parseReais("R$ 1.234,56", "pt-BR")).toBe(123456);
    expect(parseReais("1,234.56", "en")).toBe(123456);
    expect(parseReais("0,29", "pt-BR")).toBe(29);
    expect(parseReais("1.15", "en")).toBe(115);
    for (const bad of ["", "0", "0,00", "abc", "12,505", "-5"]) expect(parseReais(bad, "pt-BR")).toBeNull();
  });

  it("pre-fills the refund field with text that reads back to the same centavos", () => {
    expect(amountToInput(1250, "BRL", "pt-BR")).toBe("12,50");
    expect(amountToInput(1250, "BRL", "en")).toBe("12.50");
    for (const centavos of [1, 29, 115, 1999, 123456, 999_999_999_999])
      for (const locale of ["pt-BR", "en"])
        expect(parseReais(amountToInput(centavos, "BRL", locale), locale)).toBe(centavos);
  });
});
