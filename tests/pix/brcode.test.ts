import { parsePix } from "pix-utils";
import { describe, expect, it } from "vitest";
import {
  BrCodeError,
  crc16,
  createDynamicBrCode,
  createStaticBrCode,
  isValidBrCode,
  parseBrCode,
  sanitizeMerchantCity,
  sanitizeMerchantName,
} from "@/lib/pix/brcode";
import { brCodeToPngDataUrl, brCodeToSvg } from "@/lib/pix/qr";

// The three vectors of /work/shared/reference/pix-gateways.md §3, verbatim.
const V1 =
  "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";
const V2 =
  "00020126510014br.gov.bcb.pix0115thalesog@me.com0210Pedido 123520400005303986540510.005802BR5914THALES OGLIARI6015SAO MIGUEL DO O62070503***63040DC6";
const V3 =
  "00020101021226740014br.gov.bcb.pix2552payload.psp.com/3ec9d2f9-5f03-4e0e-820d-63a81e769e875204000053039865802BR5914THALES OGLIARI6015SAO MIGUEL DO O62070503***63042895";

describe("CRC16/CCITT-FALSE", () => {
  it("matches the standard check value", () => expect(crc16("123456789")).toBe("29B1"));
  it.each([V1, V2, V3])("reproduces the CRC of vector %#", (v) => expect(crc16(v.slice(0, -4))).toBe(v.slice(-4)));
});

describe("reference vectors", () => {
  it("vector 1 (BCB manual, static): builds byte for byte and parses", () => {
    expect(
      createStaticBrCode({
        pixKey: "123e4567-e12b-12d1-a456-426655440000",
        merchantName: "Fulano de Tal",
        merchantCity: "BRASILIA",
      }),
    ).toBe(V1);
    expect(parseBrCode(V1)).toEqual({
      type: "static",
      oneTime: false,
      pixKey: "123e4567-e12b-12d1-a456-426655440000",
      merchantName: "Fulano de Tal",
      merchantCity: "BRASILIA",
      crc: "1D3D",
    });
  });

  it("vector 2 (static with amount and description): builds byte for byte and parses", () => {
    expect(
      createStaticBrCode({
        pixKey: "thalesog@me.com",
        description: "Pedido 123",
        amountCentavos: 1000,
        merchantName: "THALES OGLIARI",
        merchantCity: "SAO MIGUEL DO O",
      }),
    ).toBe(V2);
    expect(parseBrCode(V2)).toMatchObject({
      type: "static",
      pixKey: "thalesog@me.com",
      description: "Pedido 123",
      amountCentavos: 1000,
      merchantCity: "SAO MIGUEL DO O",
    });
  });

  it("vector 3 (dynamic, pay once): builds byte for byte and parses", () => {
    const url = "payload.psp.com/3ec9d2f9-5f03-4e0e-820d-63a81e769e87";
    expect(
      createDynamicBrCode({ url: `https://${url}`, merchantName: "THALES OGLIARI", merchantCity: "SAO MIGUEL DO O" }),
    ).toBe(V3);
    expect(parseBrCode(V3)).toEqual({
      type: "dynamic",
      oneTime: true,
      url,
      merchantName: "THALES OGLIARI",
      merchantCity: "SAO MIGUEL DO O",
      crc: "2895",
    });
  });
});

describe("validation", () => {
  it.each([V1, V2, V3])("rejects vector %# with one character changed", (v) => {
    const tampered = v.replace("BR", "BX");
    expect(() => parseBrCode(tampered)).toThrow(BrCodeError);
    expect(isValidBrCode(v)).toBe(true);
    expect(isValidBrCode(tampered)).toBe(false);
  });

  it("rejects a wrong CRC, a truncated code and a non-Pix GUI", () => {
    expect(() => parseBrCode(V1.slice(0, -4) + "0000")).toThrow(/CRC/);
    expect(() => parseBrCode(V1.slice(0, 40))).toThrow(BrCodeError);
    const foreign = V1.replace("0014br.gov.bcb.pix", "0014br.gov.xyz.pix").slice(0, -4);
    expect(() => parseBrCode(foreign + crc16(foreign))).toThrow(/GUI/);
  });
});

describe("generation", () => {
  it("strips accents and cuts names to 25 and cities to 15 characters", () => {
    expect(sanitizeMerchantName("José Açaí & Cia — Comércio de Frutas Ltda")).toBe("Jose Acai Cia Comercio de");
    expect(sanitizeMerchantCity("São José dos Campos")).toBe("Sao Jose dos Ca");
    const code = createStaticBrCode({
      pixKey: "12345678909",
      merchantName: "José Açaí & Cia — Comércio de Frutas Ltda",
      merchantCity: "São José dos Campos",
      amountCentavos: 1990,
      txid: "vtrAbc_123",
    });
    expect(parseBrCode(code)).toMatchObject({
      merchantName: "Jose Acai Cia Comercio de",
      merchantCity: "Sao Jose dos Ca",
      amountCentavos: 1990,
      txid: "vtrAbc123",
    });
    expect(parsePix(code)).toMatchObject({
      merchantName: "Jose Acai Cia Comercio de",
      transactionAmount: 19.9,
      pixKey: "12345678909",
    });
  });

  it("fits a long description into the 99-character merchant account field", () => {
    const code = createStaticBrCode({
      pixKey: "a-very-long-email-address-for-pix@example-company.com.br",
      merchantName: "Loja",
      merchantCity: "Recife",
      description: "x".repeat(200),
    });
    const parsed = parseBrCode(code);
    expect(parsed.description?.length).toBeGreaterThan(0);
    expect(4 + 18 + 4 + parsed.pixKey!.length + 4 + parsed.description!.length).toBeLessThanOrEqual(4 + 99);
  });

  it("refuses empty names, bad amounts and codes without a key or url", () => {
    expect(() => createStaticBrCode({ pixKey: "a@b.co", merchantName: "!!!", merchantCity: "Recife" })).toThrow(/name/);
    expect(() =>
      createStaticBrCode({ pixKey: "a@b.co", merchantName: "Loja", merchantCity: "Recife", amountCentavos: 19.9 }),
    ).toThrow(/amount/);
    expect(() => createDynamicBrCode({ url: "https://", merchantName: "Loja", merchantCity: "Recife" })).toThrow(
      /location/,
    );
  });

  it("round-trips many amounts exactly", () => {
    for (let c = 1; c < 100_000; c += 997) {
      const code = createStaticBrCode({
        pixKey: "a@b.co",
        merchantName: "Loja",
        merchantCity: "Recife",
        amountCentavos: c,
      });
      expect(parseBrCode(code).amountCentavos).toBe(c);
    }
  });
});

describe("QR images", () => {
  it("renders a PNG data URL and an SVG", async () => {
    const png = await brCodeToPngDataUrl(V3, 200);
    expect(png.startsWith("data:image/png;base64,")).toBe(true);
    const bytes = Buffer.from(png.split(",")[1], "base64");
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(200); // IHDR width
    const svg = await brCodeToSvg(V3);
    expect(svg).toMatch(/^<svg[^>]+viewBox/);
    expect(svg).toContain("<path");
  });
});
