/** Connected accounts (Express / controller-properties) and their onboarding states. */
import type Stripe from "stripe";
import { newId } from "../ids";

/** What Stripe asks a fresh Express account in the US for before charges are enabled. */
export const INITIAL_REQUIREMENTS = [
  "business_profile.mcc",
  "business_profile.url",
  "business_type",
  "external_account",
  "individual.address.city",
  "individual.address.line1",
  "individual.address.postal_code",
  "individual.address.state",
  "individual.dob.day",
  "individual.dob.month",
  "individual.dob.year",
  "individual.email",
  "individual.first_name",
  "individual.last_name",
  "individual.phone",
  "individual.ssn_last_4",
  "tos_acceptance.date",
  "tos_acceptance.ip",
];

export type AccountInput = {
  type: Stripe.Account.Type;
  controller?: Stripe.Account.Controller;
  country?: string;
  email?: string | null;
  business_type?: Stripe.Account.BusinessType | null;
  business_profile?: {
    name?: string | null;
    url?: string | null;
    mcc?: string | null;
    product_description?: string | null;
    support_email?: string | null;
  };
  metadata?: Record<string, string>;
  default_currency?: string;
  capabilities?: string[];
};

function requirements(
  currentlyDue: string[],
  disabledReason: Stripe.Account.Requirements.DisabledReason | null,
): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: currentlyDue,
    disabled_reason: disabledReason,
    errors: [],
    eventually_due: currentlyDue,
    past_due: currentlyDue,
    pending_verification: [],
  };
}

function capabilityStatus(names: string[], status: "active" | "inactive" | "pending"): Stripe.Account.Capabilities {
  const caps: Stripe.Account.Capabilities = Object.fromEntries(names.map((name) => [name, status]));
  return caps;
}

export function accountObject(input: AccountInput, now: number): Stripe.Account {
  const country = input.country ?? "US";
  const capabilities = input.capabilities?.length ? input.capabilities : ["card_payments", "transfers"];
  return {
    id: newId("acct"),
    object: "account",
    business_profile: {
      mcc: input.business_profile?.mcc ?? null,
      minority_owned_business_designation: null,
      name: input.business_profile?.name ?? null,
      product_description: input.business_profile?.product_description ?? null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: input.business_profile?.support_email ?? null,
      support_phone: null,
      support_url: null,
      url: input.business_profile?.url ?? null,
    },
    business_type: input.business_type ?? null,
    capabilities: capabilityStatus(capabilities, "inactive"),
    charges_enabled: false,
    controller: input.controller ?? {
      fees: { payer: "application_express" },
      is_controller: true,
      losses: { payments: "application" },
      requirement_collection: "stripe",
      stripe_dashboard: { type: "express" },
      type: "application",
    },
    country,
    created: now,
    default_currency: input.default_currency ?? (country === "BR" ? "brl" : "usd"),
    details_submitted: false,
    email: input.email ?? null,
    external_accounts: { object: "list", data: [], has_more: false, url: "" },
    future_requirements: requirements([], null),
    metadata: input.metadata ?? {},
    payouts_enabled: false,
    requirements: requirements(INITIAL_REQUIREMENTS, "requirements.past_due"),
    settings: null,
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: input.type,
  };
}

/** "Complete onboarding": everything verified and enabled. */
export function markOnboarded(account: Stripe.Account, now: number): void {
  account.details_submitted = true;
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.requirements = requirements([], null);
  account.capabilities = capabilityStatus(Object.keys(account.capabilities ?? {}), "active");
  account.tos_acceptance = { date: now, ip: "127.0.0.1", user_agent: "Vitrine Stripe emulator" };
  account.external_accounts = {
    object: "list",
    data: [],
    has_more: false,
    url: `/v1/accounts/${account.id}/external_accounts`,
  };
}

/** "Leave requirements due": details submitted, but Stripe still needs information. */
export function markSubmittedWithRequirementsDue(account: Stripe.Account, now: number): void {
  account.details_submitted = true;
  account.charges_enabled = false;
  account.payouts_enabled = false;
  account.requirements = requirements(
    ["external_account", "individual.id_number", "individual.verification.document"],
    "requirements.past_due",
  );
  account.capabilities = capabilityStatus(Object.keys(account.capabilities ?? {}), "inactive");
  account.tos_acceptance = { date: now, ip: "127.0.0.1", user_agent: "Vitrine Stripe emulator" };
}

export function deletedAccount(id: string): Stripe.DeletedAccount {
  return { id, object: "account", deleted: true };
}
