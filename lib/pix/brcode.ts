import { minorToDecimal } from "@/lib/money";
import { reaisToCentavos } from "./money";

/**
 * EMV® QRCPS-MPM "BR Code" for Pix: build and read static and dynamic codes.
 *
 * why our own encoder instead of pix-utils 2.8.2 (which we still use in tests as an independent
 * parser): pix-utils upper-cases the merchant name, so it cannot reproduce the BCB manual's own
 * example (vector 1 in docs/pix.md); it rejects long names instead of truncating them; it takes
 * amounts as floats; and its parser drops tag 01 (pay once) and returns floats. TLV + CRC is ~100 lines.
 */

export class BrCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BrCodeError";
  }
}

const GUI = "br.gov.bcb.pix";
const NAME_MAX = 25;
const CITY_MAX = 15;
const MERCHANT_ACCOUNT_MAX = 99;

/** CRC16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over UTF-8 bytes, 4 upper-case hex digits. */
export function crc16(payload: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(payload, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new BrCodeError(`field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** Strip accents, keep letters, digits, space and . , - / ; collapse spaces; cut to `max`. */
export function sanitizeEmvText(value: string, max: number): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 .,\-/]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
}

export const sanitizeMerchantName = (name: string) => sanitizeEmvText(name, NAME_MAX);
export const sanitizeMerchantCity = (city: string) => sanitizeEmvText(city, CITY_MAX);

function merchantFields(merchantName: string, merchantCity: string) {
  const name = sanitizeMerchantName(merchantName);
  const city = sanitizeMerchantCity(merchantCity);
  if (!name) throw new BrCodeError("merchant name is empty after sanitising");
  if (!city) throw new BrCodeError("merchant city is empty after sanitising");
  return tlv("58", "BR") + tlv("59", name) + tlv("60", city);
}

function withCrc(body: string): string {
  const payload = `${body}6304`;
  return payload + crc16(payload);
}

export type StaticBrCodeInput = {
  pixKey: string;
  merchantName: string;
  merchantCity: string;
  amountCentavos?: number;
  description?: string;
  /** Up to 25 alphanumerics; `***` when omitted. */
  txid?: string;
};

export function createStaticBrCode(input: StaticBrCodeInput): string {
  const key = input.pixKey.trim();
  if (!key || key.length > 77) throw new BrCodeError("pix key must have 1 to 77 characters");
  const keyTlv = tlv("01", key);
  const room = MERCHANT_ACCOUNT_MAX - tlv("00", GUI).length - keyTlv.length - 4;
  const description = input.description ? sanitizeEmvText(input.description, Math.max(0, room)) : "";
  const account = tlv("00", GUI) + keyTlv + (description ? tlv("02", description) : "");
  const txid = input.txid ? input.txid.replace(/[^A-Za-z0-9]/g, "").slice(0, 25) : "";
  let amount = "";
  if (input.amountCentavos !== undefined) {
    if (!Number.isSafeInteger(input.amountCentavos) || input.amountCentavos <= 0)
      throw new BrCodeError("amount must be positive integer centavos");
    amount = tlv("54", minorToDecimal(input.amountCentavos, "BRL"));
  }
  return withCrc(
    tlv("00", "01") +
      tlv("26", account) +
      tlv("52", "0000") +
      tlv("53", "986") +
      amount +
      merchantFields(input.merchantName, input.merchantCity) +
      tlv("62", tlv("05", txid || "***")),
  );
}

export type DynamicBrCodeInput = {
  /** The payload location, with or without `https://`. */
  url: string;
  merchantName: string;
  merchantCity: string;
  /** Tag 01 = 12 (pay once). Default true, as for every immediate charge. */
  oneTime?: boolean;
};

export function createDynamicBrCode(input: DynamicBrCodeInput): string {
  const url = input.url.replace(/^https?:\/\//i, "");
  if (!url) throw new BrCodeError("dynamic BR Code needs a location url");
  return withCrc(
    tlv("00", "01") +
      (input.oneTime === false ? "" : tlv("01", "12")) +
      tlv("26", tlv("00", GUI) + tlv("25", url)) +
      tlv("52", "0000") +
      tlv("53", "986") +
      merchantFields(input.merchantName, input.merchantCity) +
      tlv("62", tlv("05", "***")),
  );
}

export type ParsedBrCode = {
  type: "static" | "dynamic";
  oneTime: boolean;
  pixKey?: string;
  /** Dynamic only, without scheme. */
  url?: string;
  description?: string;
  amountCentavos?: number;
  merchantName: string;
  merchantCity: string;
  txid?: string;
  crc: string;
};

function readTlv(data: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    const id = data.slice(i, i + 2);
    const len = Number(data.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(data.slice(i + 2, i + 4)) || i + 4 + len > data.length)
      throw new BrCodeError(`malformed TLV at position ${i}`);
    fields.set(id, data.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return fields;
}

function parseAmount(value: string): number {
  try {
    return reaisToCentavos(value);
  } catch {
    throw new BrCodeError("invalid amount (tag 54)");
  }
}

/** Parses and validates a BR Code (structure, CRC, Pix GUI). Throws BrCodeError. */
export function parseBrCode(code: string): ParsedBrCode {
  const text = code.trim();
  const crc = text.slice(-4).toUpperCase();
  if (text.slice(-8, -4) !== "6304" || crc16(text.slice(0, -4)) !== crc) throw new BrCodeError("invalid CRC");
  const top = readTlv(text);
  if (top.get("00") !== "01") throw new BrCodeError("payload format indicator must be 01");
  let account: Map<string, string> | undefined;
  for (let id = 26; id <= 51; id++) {
    const raw = top.get(String(id));
    const sub = raw === undefined ? undefined : readTlv(raw);
    if (sub?.get("00")?.toLowerCase() === GUI) account = sub;
  }
  if (!account) throw new BrCodeError("no Pix merchant account (GUI br.gov.bcb.pix)");
  if (top.get("53") !== "986") throw new BrCodeError("currency must be 986 (BRL)");
  if (top.get("58") !== "BR") throw new BrCodeError("country must be BR");
  const merchantName = top.get("59");
  const merchantCity = top.get("60");
  if (!merchantName || !merchantCity) throw new BrCodeError("merchant name and city are required");
  const url = account.get("25");
  const pixKey = account.get("01");
  if (!url && !pixKey) throw new BrCodeError("neither a Pix key nor a location url");
  const amount = top.get("54");
  const extra = top.get("62");
  const txid = extra ? readTlv(extra).get("05") : undefined;
  return {
    type: url ? "dynamic" : "static",
    oneTime: top.get("01") === "12",
    ...(pixKey ? { pixKey } : {}),
    ...(url ? { url } : {}),
    ...(account.get("02") ? { description: account.get("02") } : {}),
    ...(amount ? { amountCentavos: parseAmount(amount) } : {}),
    merchantName,
    merchantCity,
    ...(txid && txid !== "***" ? { txid } : {}),
    crc,
  };
}

export function isValidBrCode(code: string): boolean {
  try {
    parseBrCode(code);
    return true;
  } catch {
    return false;
  }
}
