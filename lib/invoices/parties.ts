// Who an invoice is from and to, as snapshots taken when it is issued: the platform (from its
// configuration), a store (its tax identity settings), a buyer (what the order or PIX charge knows).
import "server-only";
import type { Order, PixCharge } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { type TaxIdType, validateTaxId } from "@/lib/tax-id";
import type { Address, Party } from "./types";

type Db = Tx | typeof prisma;

const TAX_TYPES = new Set(["cpf", "cnpj", "other"]);
const asTaxType = (v: string | null | undefined): TaxIdType | null => (v && TAX_TYPES.has(v) ? (v as TaxIdType) : null);

function asAddress(v: unknown): Address | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const a = v as Record<string, unknown>;
  const out: Address = {};
  for (const k of ["line1", "line2", "city", "state", "postalCode", "country"] as const)
    if (typeof a[k] === "string" && a[k]) out[k] = a[k] as string;
  return Object.keys(out).length ? out : null;
}

/** Vitrine as the issuer of its invoices to sellers (PLATFORM_LEGAL_NAME, PLATFORM_TAX_ID, PLATFORM_ADDRESS). */
export function platformParty(): Party {
  const config = env();
  const tax = config.PLATFORM_TAX_ID ? validateTaxId(config.PLATFORM_TAX_ID) : null;
  return {
    name: "Vitrine",
    legalName: config.PLATFORM_LEGAL_NAME,
    taxId: tax?.ok ? tax.value : (config.PLATFORM_TAX_ID?.trim() ?? null),
    taxIdType: tax?.ok ? tax.type : config.PLATFORM_TAX_ID ? "other" : null,
    email: null,
    address: config.PLATFORM_ADDRESS?.trim() || null,
  };
}

/** A store as the document names it: its legal identity when set, its owner's email. */
export async function storeParty(db: Db, storeId: string): Promise<Party> {
  const store = await db.store.findUniqueOrThrow({
    where: { id: storeId },
    select: {
      name: true,
      legalName: true,
      taxId: true,
      taxIdType: true,
      address: true,
      owner: { select: { email: true } },
    },
  });
  return {
    name: store.name,
    legalName: store.legalName,
    taxId: store.taxId,
    taxIdType: asTaxType(store.taxIdType),
    email: store.owner.email,
    address: asAddress(store.address),
  };
}

/** A card buyer: Stripe gives us the email (no tax id: a card payment does not ask for one). */
export function orderBuyer(order: Pick<Order, "customerEmail">): Party {
  return {
    name: null,
    legalName: null,
    taxId: null,
    taxIdType: null,
    email: order.customerEmail ?? null,
    address: null,
  };
}

/** A PIX buyer: the name, email and CPF/CNPJ the charge was created with (checked then). */
export function pixBuyer(charge: Pick<PixCharge, "customer">): Party {
  const c = (charge.customer ?? {}) as { name?: unknown; email?: unknown; document?: unknown };
  const doc = typeof c.document === "string" ? validateTaxId(c.document) : null;
  return {
    name: typeof c.name === "string" ? c.name : null,
    legalName: null,
    taxId: doc?.ok ? doc.value : null,
    taxIdType: doc?.ok ? doc.type : null,
    email: typeof c.email === "string" ? c.email : null,
    address: null,
  };
}

/** The party a Party JSON column holds (tolerant of older or partial snapshots). */
export function partyOf(v: unknown): Party {
  const p = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === "string" && x ? x : null);
  return {
    name: str(p.name),
    legalName: str(p.legalName),
    taxId: str(p.taxId),
    taxIdType: asTaxType(str(p.taxIdType)),
    email: str(p.email),
    address: typeof p.address === "string" ? p.address : asAddress(p.address),
  };
}
