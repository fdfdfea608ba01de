// Card installments (available_plans per card, the chosen plan on the PaymentIntent and its
// charge) and boleto (voucher, paid a day later by the clock, or expired), through the real SDK.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support";

let em: TestEmulator;
let stripe: Stripe;

beforeAll(async () => {
  em = await startTestEmulator();
  stripe = em.stripe;
});
afterAll(() => em.close());
beforeEach(() => em.controls.reset());

async function connectedAccount(country: string) {
  const acct = await stripe.accounts.create({ type: "express", country });
  return { stripeAccount: acct.id };
}

async function eventTypesFor(objectId: string, account: string) {
  const events = await stripe.events.list({ limit: 100 }, { stripeAccount: account });
  return events.data
    .filter((e) => (e.data.object as { id?: string }).id === objectId)
    .map((e) => e.type)
    .reverse();
}

describe("card installments", () => {
  it("offers 2..12 monthly plans for a Brazilian card in BRL; the chosen plan reaches the charge", async () => {
    const opts = await connectedAccount("BR");
    const pi = await stripe.paymentIntents.create(
      {
        amount: 12990,
        currency: "brl",
        allowed_payment_method_types: ["card"],
        payment_method_options: { card: { installments: { enabled: true } } },
      },
      opts,
    );
    expect(pi.payment_method_options?.card?.installments).toEqual({ enabled: true, available_plans: [], plan: null });
    const withCard = await stripe.paymentIntents.update(pi.id, { payment_method: "pm_card_br" }, opts);
    const plans = withCard.payment_method_options?.card?.installments?.available_plans ?? [];
    expect(plans.map((p) => p.count)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(plans.every((p) => p.type === "fixed_count" && p.interval === "month")).toBe(true);

    const paid = await stripe.paymentIntents.confirm(
      pi.id,
      {
        payment_method_options: {
          card: { installments: { plan: { type: "fixed_count", count: 3, interval: "month" } } },
        },
      },
      opts,
    );
    expect(paid.status).toBe("succeeded");
    expect(paid.payment_method_options?.card?.installments?.plan).toEqual({
      type: "fixed_count",
      count: 3,
      interval: "month",
    });
    const charge = await stripe.charges.retrieve(paid.latest_charge as string, undefined, opts);
    expect(charge.amount).toBe(12990);
    expect(charge.payment_method_details?.card?.country).toBe("BR");
    expect(charge.payment_method_details?.card?.installments).toEqual({
      plan: { type: "fixed_count", count: 3, interval: "month" },
    });
  });

  it("offers no plan to a US card, and refuses a plan the card does not have", async () => {
    const opts = await connectedAccount("BR");
    const pi = await stripe.paymentIntents.create(
      {
        amount: 5000,
        currency: "brl",
        payment_method: "pm_card_visa",
        payment_method_options: { card: { installments: { enabled: true } } },
      },
      opts,
    );
    expect(pi.payment_method_options?.card?.installments?.available_plans).toEqual([]);
    const err = await stripe.paymentIntents
      .confirm(
        pi.id,
        {
          payment_method_options: {
            card: { installments: { plan: { type: "fixed_count", count: 3, interval: "month" } } },
          },
        },
        opts,
      )
      .catch((e: Stripe.errors.StripeError) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).param).toBe("payment_method_options[card][installments][plan]");
    const after = await stripe.paymentIntents.retrieve(pi.id, undefined, opts);
    expect(after.status).toBe("requires_confirmation");
    // Paying at once still works.
    expect((await stripe.paymentIntents.confirm(pi.id, {}, opts)).status).toBe("succeeded");
  });

  it("offers 3/6/9/12 for a Mexican card in MXN, and nothing for a Brazilian card in MXN", async () => {
    const opts = await connectedAccount("MX");
    const create = (pm: string) =>
      stripe.paymentIntents.create(
        {
          amount: 150000,
          currency: "mxn",
          payment_method: pm,
          payment_method_options: { card: { installments: { enabled: true } } },
        },
        opts,
      );
    const mx = await create("pm_card_mx");
    expect(mx.payment_method_options?.card?.installments?.available_plans?.map((p) => p.count)).toEqual([3, 6, 9, 12]);
    const br = await create("pm_card_br");
    expect(br.payment_method_options?.card?.installments?.available_plans).toEqual([]);
  });
});

describe("boleto", () => {
  const buyer = {
    type: "boleto" as const,
    boleto: { tax_id: "529.982.247-25" },
    billing_details: {
      name: "Maria Souza",
      email: "maria@example.com",
      address: {
        line1: "Rua Augusta, 100",
        city: "São Paulo",
        state: "SP",
        postal_code: "01305-000",
        country: "BR",
      },
    },
  };

  async function issue(opts: { stripeAccount: string }) {
    const pi = await stripe.paymentIntents.create(
      {
        amount: 4990,
        currency: "brl",
        allowed_payment_method_types: ["boleto"],
        payment_method_options: { boleto: { expires_after_days: 2 } },
        application_fee_amount: 300,
      },
      opts,
    );
    return stripe.paymentIntents.confirm(pi.id, { payment_method_data: buyer }, opts);
  }

  it("issues a voucher, stays unpaid until the buyer pays, then succeeds a day later with one charge", async () => {
    const opts = await connectedAccount("BR");
    const pi = await issue(opts);
    expect(pi.status).toBe("requires_action");
    const voucher = pi.next_action?.boleto_display_details;
    expect(pi.next_action?.type).toBe("boleto_display_details");
    expect(voucher?.number).toMatch(/^\d{47}$/);
    expect(voucher?.hosted_voucher_url).toContain(`/boleto/${pi.id}`);
    const { now } = await em.controls.now();
    // Two calendar days, ending 23:59:59 in São Paulo (02:59:59 UTC).
    expect(voucher!.expires_at! - now).toBeGreaterThan(86400);
    expect(voucher!.expires_at! - now).toBeLessThanOrEqual(3 * 86400);
    expect(new Date(voucher!.expires_at! * 1000).getUTCHours()).toBe(2);

    await em.controls.payBoleto(pi.id);
    expect((await stripe.paymentIntents.retrieve(pi.id, undefined, opts)).status).toBe("requires_action");
    await em.controls.advanceClock("1d");
    const paid = await stripe.paymentIntents.retrieve(pi.id, undefined, opts);
    expect(paid.status).toBe("succeeded");
    expect(paid.amount_received).toBe(4990);
    const charge = await stripe.charges.retrieve(paid.latest_charge as string, undefined, opts);
    expect(charge.payment_method_details).toEqual({ boleto: { tax_id: "52998224725" }, type: "boleto" });
    expect(charge.application_fee_amount).toBe(300);
    // Later days change nothing.
    await em.controls.advanceClock("5d");
    expect((await stripe.paymentIntents.retrieve(pi.id, undefined, opts)).status).toBe("succeeded");
    const types = await eventTypesFor(pi.id, opts.stripeAccount);
    expect(types).toEqual(["payment_intent.created", "payment_intent.requires_action", "payment_intent.succeeded"]);
  });

  it("expires unpaid past expires_at: payment_failed, back to requires_payment_method", async () => {
    const opts = await connectedAccount("BR");
    const pi = await issue(opts);
    await em.controls.advanceClock("1d");
    expect((await stripe.paymentIntents.retrieve(pi.id, undefined, opts)).status).toBe("requires_action");
    await em.controls.advanceClock("2d");
    const expired = await stripe.paymentIntents.retrieve(pi.id, undefined, opts);
    expect(expired.status).toBe("requires_payment_method");
    expect(expired.next_action).toBeNull();
    expect(expired.last_payment_error?.code).toBe("payment_intent_payment_attempt_expired");
    expect(expired.last_payment_error?.payment_method?.type).toBe("boleto");
    expect(await eventTypesFor(pi.id, opts.stripeAccount)).toContain("payment_intent.payment_failed");
    await expect(em.controls.payBoleto(pi.id)).rejects.toThrow(/no open boleto/);
  });

  it("asks for the buyer's details and a CPF/CNPJ, and only in BRL", async () => {
    const opts = await connectedAccount("BR");
    const pi = await stripe.paymentIntents.create(
      { amount: 4990, currency: "brl", allowed_payment_method_types: ["boleto"] },
      opts,
    );
    const bad = await stripe.paymentIntents
      .confirm(pi.id, { payment_method_data: { ...buyer, boleto: { tax_id: "123" } } }, opts)
      .catch((e: Stripe.errors.StripeError) => e);
    expect((bad as Stripe.errors.StripeError).param).toBe("payment_method_data[boleto][tax_id]");
    const noAddress = await stripe.paymentIntents
      .confirm(
        pi.id,
        { payment_method_data: { ...buyer, billing_details: { name: "Maria", email: "maria@example.com" } } },
        opts,
      )
      .catch((e: Stripe.errors.StripeError) => e);
    expect((noAddress as Stripe.errors.StripeError).param).toBe("payment_method_data[billing_details][address][line1]");
    const usd = await stripe.paymentIntents
      .create({ amount: 4990, currency: "usd", allowed_payment_method_types: ["boleto"] }, opts)
      .catch((e: Stripe.errors.StripeError) => e);
    expect((usd as Stripe.errors.StripeError).param).toBe("allowed_payment_method_types");
    const card = await stripe.paymentIntents
      .confirm(pi.id, { payment_method: "pm_card_visa" }, opts)
      .catch((e: Stripe.errors.StripeError) => e);
    expect((card as Stripe.errors.StripeError).code).toBe("payment_intent_incompatible_payment_method");
  });
});
