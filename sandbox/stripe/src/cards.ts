/** Stripe's documented test cards and test PaymentMethod ids, and what each one does. */
import { StripeApiError } from "./errors";

export type CardOutcome =
  | { kind: "succeed" }
  /** Succeeds, then the cardholder disputes it (charge.dispute.created). */
  | { kind: "dispute" }
  /** 3-D Secure on-session. `always`: also required off-session (renewals fail). */
  | { kind: "authenticate"; always: boolean }
  /** Attaching works; every charge is declined (a "good" saved card that later fails). */
  | { kind: "fail_charges" }
  | { kind: "decline"; code: string; declineCode: string; message: string };

const declined = (declineCode: string, message = "Your card was declined.", code = "card_declined"): CardOutcome => ({
  kind: "decline",
  code,
  declineCode,
  message,
});

export const TEST_CARDS: Record<string, CardOutcome> = {
  "4242424242424242": { kind: "succeed" },
  "4000056655665556": { kind: "succeed" },
  "5555555555554444": { kind: "succeed" },
  "2223003122003222": { kind: "succeed" },
  "378282246310005": { kind: "succeed" },
  "6011111111111117": { kind: "succeed" },
  // Stripe's international test cards: issued in Brazil and Mexico (installments are offered on them).
  "4000000760000002": { kind: "succeed" },
  "4000004840008001": { kind: "succeed" },
  "4000000000000259": { kind: "dispute" },
  "4000002500003155": { kind: "authenticate", always: false },
  "4000002760003184": { kind: "authenticate", always: true },
  "4000000000000341": { kind: "fail_charges" },
  "4000000000000002": declined("generic_decline"),
  "4000000000009995": declined("insufficient_funds", "Your card has insufficient funds."),
  "4000000000009987": declined("lost_card"),
  "4000000000009979": declined("stolen_card"),
  "4100000000000019": declined("fraudulent"),
  "4000000000000069": declined("expired_card", "Your card has expired.", "expired_card"),
  "4000000000000127": declined("incorrect_cvc", "Your card's security code is incorrect.", "incorrect_cvc"),
  "4000000000000119": declined(
    "processing_error",
    "An error occurred while processing your card. Try again in a little bit.",
    "processing_error",
  ),
};

/** `payment_method: "pm_card_visa"` and friends, as accepted by Stripe in test mode. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_amex: "378282246310005",
  pm_card_discover: "6011111111111117",
  pm_card_br: "4000000760000002",
  pm_card_mx: "4000004840008001",
  pm_card_createDispute: "4000000000000259",
  pm_card_authenticationRequiredOnSetup: "4000002500003155",
  pm_card_authenticationRequired: "4000002760003184",
  pm_card_chargeCustomerFail: "4000000000000341",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedLostCard: "4000000000009987",
  pm_card_chargeDeclinedStolenCard: "4000000000009979",
  pm_card_chargeDeclinedFraudulent: "4100000000000019",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_chargeDeclinedIncorrectCvc: "4000000000000127",
  pm_card_chargeDeclinedProcessingError: "4000000000000119",
};

/** `card[token]=tok_visa` style tokens. */
export const TEST_TOKENS: Record<string, string> = Object.fromEntries(
  Object.entries(TEST_PAYMENT_METHODS).map(([pm, number]) => [pm.replace(/^pm_card_/, "tok_"), number]),
);

const LIVE_CARD: CardOutcome = declined(
  "test_mode_live_card",
  "Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
);

/** The issuing country of a test card (Stripe's international test cards); US otherwise. */
const CARD_COUNTRIES: Record<string, string> = { "4000000760000002": "BR", "4000004840008001": "MX" };

export function countryOf(number: string): string {
  return CARD_COUNTRIES[number] ?? "US";
}

export function outcomeFor(number: string): CardOutcome {
  return TEST_CARDS[number] ?? LIVE_CARD;
}

export function brandOf(number: string): "visa" | "mastercard" | "amex" | "discover" | "unknown" {
  if (/^4/.test(number)) return "visa";
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  if (/^(6011|65)/.test(number)) return "discover";
  return "unknown";
}

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardInput = { number: string; exp_month: number; exp_year: number; cvc?: string };

/** The card_error Stripe returns when card details themselves are invalid. */
export function validateCard(card: CardInput, nowSeconds: number, prefix = "card"): void {
  const number = card.number.replace(/\s+/g, "");
  const cardError = (code: string, message: string, param: string) =>
    new StripeApiError(402, { type: "card_error", code, message, param: `${prefix}[${param}]` });
  if (!luhnValid(number)) throw cardError("incorrect_number", "Your card number is incorrect.", "number");
  if (card.exp_month < 1 || card.exp_month > 12)
    throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month");
  const year = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
  const now = new Date(nowSeconds * 1000);
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && card.exp_month < now.getUTCMonth() + 1)) {
    throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "exp_year");
  }
  if (card.cvc !== undefined && !/^\d{3,4}$/.test(card.cvc))
    throw cardError("invalid_cvc", "Your card's security code is invalid.", "cvc");
}
