// CPF/CNPJ validation with Receita-style vectors: valid, wrong check digit, all-same digits,
// formatted and bare, the alphanumeric CNPJ (2026), and foreign ids kept as typed.
import { describe, expect, it } from "vitest";
import { formatTaxId, maskTaxId, normaliseTaxId, validateTaxId } from "@/lib/tax-id";

describe("CPF", () => {
  it.each([
    ["529.982.247-25", "52998224725"],
    ["52998224725", "52998224725"],
    ["111.444.777-35", "11144477735"],
    [" 111 444 777 35 ", "11144477735"],
  ])("accepts %s", (raw, value) => {
    expect(validateTaxId(raw)).toEqual({ ok: true, type: "cpf", value });
    expect(validateTaxId(raw, "cpf")).toEqual({ ok: true, type: "cpf", value });
  });

  it.each([
    ["529.982.247-24", "check_digits"],
    ["52998224715", "check_digits"],
    ["111.111.111-11", "repeated_digits"],
    ["00000000000", "repeated_digits"],
    ["5299822472", "wrong_length"],
    ["529.982.247-2X", "wrong_length"],
    ["", "empty"],
    ["529#982", "bad_characters"],
  ])("refuses %s (%s)", (raw, problem) => {
    expect(validateTaxId(raw, "cpf")).toEqual({ ok: false, problem });
  });

  it("formats in full for documents and masks for screens", () => {
    expect(formatTaxId("52998224725", "cpf")).toBe("529.982.247-25");
    expect(maskTaxId("52998224725", "cpf")).toBe("***.982.247-**");
  });
});

describe("CNPJ", () => {
  it.each([
    ["11.222.333/0001-81", "11222333000181"],
    ["11222333000181", "11222333000181"],
    ["45.997.418/0001-53", "45997418000153"],
    // The Receita Federal's own example of the alphanumeric CNPJ (issued from July 2026).
    ["12.ABC.345/01DE-35", "12ABC34501DE35"],
    ["12.abc.345/01de-35", "12ABC34501DE35"],
  ])("accepts %s", (raw, value) => {
    expect(validateTaxId(raw)).toEqual({ ok: true, type: "cnpj", value });
  });

  it.each([
    ["11.222.333/0001-82", "check_digits"],
    ["12.ABC.345/01DE-36", "check_digits"],
    ["11.111.111/1111-11", "repeated_digits"],
    ["00.000.000/0000-00", "repeated_digits"],
    ["11.222.333/0001-8", "wrong_length"],
  ])("refuses %s (%s)", (raw, problem) => {
    expect(validateTaxId(raw, "cnpj")).toEqual({ ok: false, problem });
  });

  it("a CPF is not a CNPJ and the other way round", () => {
    expect(validateTaxId("52998224725", "cnpj")).toEqual({ ok: false, problem: "wrong_length" });
    expect(validateTaxId("11222333000181", "cpf")).toEqual({ ok: false, problem: "wrong_length" });
  });

  it("formats and masks", () => {
    expect(formatTaxId("11222333000181", "cnpj")).toBe("11.222.333/0001-81");
    expect(formatTaxId("12ABC34501DE35", "cnpj")).toBe("12.ABC.345/01DE-35");
    expect(maskTaxId("11222333000181", "cnpj")).toBe("**.222.333/0001-**");
  });
});

describe("foreign ids", () => {
  it("keeps what the other country prints, trimmed", () => {
    expect(validateTaxId("  DE 123456789 ", "other")).toEqual({ ok: true, type: "other", value: "DE 123456789" });
    expect(validateTaxId("12-3456789", "other")).toEqual({ ok: true, type: "other", value: "12-3456789" });
    expect(validateTaxId("<script>", "other")).toEqual({ ok: false, problem: "bad_characters" });
    expect(formatTaxId("DE 123456789", "other")).toBe("DE 123456789");
    expect(maskTaxId("DE123456789", "other")).toBe("*******6789");
  });

  it("without a type, a shape that is neither CPF nor CNPJ is refused", () => {
    expect(validateTaxId("123456")).toEqual({ ok: false, problem: "wrong_length" });
    expect(normaliseTaxId("529.982.247-25")).toBe("52998224725");
  });
});
