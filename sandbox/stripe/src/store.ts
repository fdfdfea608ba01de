/**
 * In-memory state. Every object lives in a scope: `null` for the platform, or the connected
 * account id it was created on (Stripe-Account header). Lookups from another scope see nothing,
 * exactly like Stripe's 404 for another account's object. The whole state is plain JSON so it
 * can be snapshotted to a file and reloaded.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type Stripe from "stripe";
import { noSuch } from "./errors";
import type {
  AccountLinkRecord,
  CheckoutExtras,
  DiscountExtras,
  InvoiceExtras,
  LoginLinkRecord,
  PaymentIntentExtras,
  PromotionCodeExtras,
  SubscriptionExtras,
} from "./model";
import type { EmulatedInvoice } from "./model";
import type { PayoutExtras } from "./payout-model";

export type Scope = string | null;

export type Objects = {
  account: Stripe.Account;
  product: Stripe.Product;
  price: Stripe.Price;
  customer: Stripe.Customer;
  payment_method: Stripe.PaymentMethod;
  checkout_session: Stripe.Checkout.Session;
  payment_intent: Stripe.PaymentIntent;
  setup_intent: Stripe.SetupIntent;
  portal_session: Stripe.BillingPortal.Session;
  subscription: Stripe.Subscription;
  invoice: EmulatedInvoice;
  refund: Stripe.Refund;
  charge: Stripe.Charge;
  dispute: Stripe.Dispute;
  application_fee: Stripe.ApplicationFee;
  webhook_endpoint: Stripe.WebhookEndpoint;
  event: Stripe.EventBase;
  coupon: Stripe.Coupon;
  promotion_code: Stripe.PromotionCode;
  discount: Stripe.Discount;
  payout: Stripe.Payout;
};
export type Kind = keyof Objects;

/** Emulator-only facts kept beside an object (never serialised into API responses). */
export type Extras = {
  account: Record<string, never>;
  product: Record<string, never>;
  price: Record<string, never>;
  customer: Record<string, never>;
  payment_method: { card: string };
  checkout_session: CheckoutExtras;
  payment_intent: PaymentIntentExtras;
  setup_intent: Record<string, never>;
  portal_session: Record<string, never>;
  subscription: SubscriptionExtras;
  invoice: InvoiceExtras;
  refund: Record<string, never>;
  charge: Record<string, never>;
  dispute: Record<string, never>;
  application_fee: Record<string, never>;
  webhook_endpoint: { connect: boolean; secret: string; configured: boolean };
  event: Record<string, never>;
  coupon: Record<string, never>;
  promotion_code: PromotionCodeExtras;
  discount: DiscountExtras;
  payout: PayoutExtras;
};

export type Rec<K extends Kind> = { id: string; kind: K; scope: Scope; seq: number; obj: Objects[K]; x: Extras[K] };

type Snapshot = {
  version: 1;
  seq: number;
  clockOffset: number;
  platformAccountId: string;
  records: { [K in Kind]?: Rec<K>[] };
  accountLinks: Record<string, AccountLinkRecord>;
  loginLinks: Record<string, LoginLinkRecord>;
};

const NOUNS: Record<Kind, string> = {
  account: "account",
  product: "product",
  price: "price",
  customer: "customer",
  payment_method: "PaymentMethod",
  checkout_session: "checkout.session",
  payment_intent: "payment_intent",
  setup_intent: "setup_intent",
  portal_session: "billing_portal.session",
  subscription: "subscription",
  invoice: "invoice",
  refund: "refund",
  charge: "charge",
  dispute: "dispute",
  application_fee: "application fee",
  webhook_endpoint: "webhook endpoint",
  event: "event",
  coupon: "coupon",
  promotion_code: "promotion code",
  discount: "discount",
  payout: "payout",
};

/**
 * Kinds whose ids the caller chooses (`coupons.create({ id: "SUMMER" })`): two accounts may each
 * have a coupon `SUMMER`, so these are keyed by scope + id. Every other kind has a random id.
 */
const CHOSEN_ID_KINDS: ReadonlySet<Kind> = new Set<Kind>(["coupon"]);

function keyOf(kind: Kind, id: string, scope: Scope): string {
  return CHOSEN_ID_KINDS.has(kind) ? `${scope ?? ""}\u0000${id}` : id;
}

export class Store {
  seq = 0;
  platformAccountId = "acct_1VitrinePlatform00000";
  private tables = new Map<Kind, Map<string, Rec<Kind>>>();
  accountLinks: Record<string, AccountLinkRecord> = {};
  loginLinks: Record<string, LoginLinkRecord> = {};

  private table<K extends Kind>(kind: K): Map<string, Rec<K>> {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new Map()));
    return t as unknown as Map<string, Rec<K>>;
  }

  insert<K extends Kind>(kind: K, scope: Scope, obj: Objects[K] & { id: string }, x: Extras[K]): Rec<K> {
    const rec: Rec<K> = { id: obj.id, kind, scope, seq: ++this.seq, obj, x };
    this.table(kind).set(keyOf(kind, obj.id, scope), rec);
    return rec;
  }

  /** `scope` matters only for kinds with caller-chosen ids (coupons). */
  remove(kind: Kind, id: string, scope: Scope = null): void {
    this.table(kind).delete(keyOf(kind, id, scope));
  }

  /** The object if it exists in `scope`; objects of other accounts are invisible. */
  get<K extends Kind>(kind: K, id: string, scope: Scope): Rec<K> | undefined {
    const rec = this.table(kind).get(keyOf(kind, id, scope));
    return rec && rec.scope === scope ? rec : undefined;
  }

  /** Like get, but across scopes: for hosted pages and background jobs that own the id. */
  find<K extends Kind>(kind: K, id: string): Rec<K> | undefined {
    if (!CHOSEN_ID_KINDS.has(kind)) return this.table(kind).get(id);
    for (const rec of this.table(kind).values()) if (rec.id === id) return rec;
    return undefined;
  }

  need<K extends Kind>(kind: K, id: string, scope: Scope, param = "id"): Rec<K> {
    const rec = this.get(kind, id, scope);
    if (!rec) throw noSuch(NOUNS[kind], id, param);
    return rec;
  }

  /** Newest first, like every Stripe list. */
  list<K extends Kind>(kind: K, scope: Scope | "*", filter?: (rec: Rec<K>) => boolean): Rec<K>[] {
    const out: Rec<K>[] = [];
    for (const rec of this.table(kind).values()) {
      if (scope !== "*" && rec.scope !== scope) continue;
      if (!filter || filter(rec)) out.push(rec);
    }
    return out.sort((a, b) => b.seq - a.seq);
  }

  /** Resolves an id of any kind in a scope (used by expand). */
  lookup(id: string, scope: Scope): Rec<Kind> | undefined {
    for (const [kind, t] of this.tables) {
      const rec = t.get(keyOf(kind, id, scope)) ?? t.get(id);
      if (rec) return rec.scope === scope ? rec : undefined;
    }
    return undefined;
  }

  clear(): void {
    this.tables.clear();
    this.accountLinks = {};
    this.loginLinks = {};
    this.seq = 0;
  }

  toSnapshot(clockOffset: number): Snapshot {
    const records: Snapshot["records"] = {};
    for (const [kind, t] of this.tables) (records as Record<string, unknown[]>)[kind] = [...t.values()];
    return {
      version: 1,
      seq: this.seq,
      clockOffset,
      platformAccountId: this.platformAccountId,
      records,
      accountLinks: this.accountLinks,
      loginLinks: this.loginLinks,
    };
  }

  loadSnapshot(snap: Snapshot): number {
    this.clear();
    this.seq = snap.seq;
    this.platformAccountId = snap.platformAccountId;
    this.accountLinks = snap.accountLinks;
    this.loginLinks = snap.loginLinks;
    for (const recs of Object.values(snap.records)) {
      for (const rec of recs as Rec<Kind>[]) this.table(rec.kind).set(keyOf(rec.kind, rec.id, rec.scope), rec);
    }
    return snap.clockOffset;
  }

  saveTo(file: string, clockOffset: number): void {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.toSnapshot(clockOffset)));
    renameSync(tmp, file);
  }

  /** Returns the clock offset stored in the file, or null when there is no usable snapshot. */
  loadFrom(file: string): number | null {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return null;
    }
    const snap = JSON.parse(text) as Snapshot;
    if (snap.version !== 1) throw new Error(`Unsupported snapshot version in ${file}`);
    return this.loadSnapshot(snap);
  }
}
