import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";

// Stripe requirement ids → one label each. Several ids collapse into one line a person
// understands ("individual.dob.day/month/year" is "your date of birth").
const RULES: [prefix: string, key: MessageKey][] = [
  ["business_profile.mcc", "connect.requirements.mcc"],
  ["business_profile.url", "connect.requirements.url"],
  ["business_profile.product_description", "connect.requirements.productDescription"],
  ["business_profile.support", "connect.requirements.supportContact"],
  ["business_type", "connect.requirements.businessType"],
  ["external_account", "connect.requirements.externalAccount"],
  ["individual.first_name", "connect.requirements.firstName"],
  ["individual.last_name", "connect.requirements.lastName"],
  ["individual.dob", "connect.requirements.dob"],
  ["individual.address", "connect.requirements.address"],
  ["individual.email", "connect.requirements.email"],
  ["individual.phone", "connect.requirements.phone"],
  ["individual.id_number", "connect.requirements.idNumber"],
  ["individual.ssn_last_4", "connect.requirements.ssnLast4"],
  ["individual.verification", "connect.requirements.idDocument"],
  ["tos_acceptance", "connect.requirements.tos"],
  ["company.name", "connect.requirements.companyName"],
  ["company.tax_id", "connect.requirements.companyTaxId"],
  ["company.address", "connect.requirements.companyAddress"],
  ["company.phone", "connect.requirements.companyPhone"],
  ["representative", "connect.requirements.representative"],
  ["owners", "connect.requirements.owners"],
  ["directors", "connect.requirements.directors"],
];

function matches(id: string, prefix: string) {
  return id === prefix || id.startsWith(`${prefix}.`) || id.startsWith(`${prefix}_`);
}

/** "individual.political_exposure" → "Individual · political exposure" for ids we have no words for. */
export function humaniseRequirement(id: string): string {
  const text = id
    .split(/[.]/)
    .map((part) => part.replace(/_/g, " "))
    .join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Distinct, translated labels for a list of requirement ids, in Stripe's order. */
export function requirementLabels(t: TranslateFn, ids: string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    // Company persons come as "person_abc123.first_name"; say whose details are missing.
    const normalised = id.replace(/^person_[A-Za-z0-9]+/, "representative");
    const rule = RULES.find(([prefix]) => matches(normalised, prefix));
    out.add(rule ? t(rule[1]) : humaniseRequirement(id));
  }
  return [...out];
}

const REASONS: Record<string, MessageKey> = {
  "requirements.past_due": "connect.reasons.pastDue",
  "requirements.pending_verification": "connect.reasons.pendingVerification",
  under_review: "connect.reasons.underReview",
  listed: "connect.reasons.listed",
  platform_paused: "connect.reasons.platformPaused",
};

/** Stripe's disabled_reason in words ("rejected.fraud" and friends all read as rejected). */
export function disabledReasonText(t: TranslateFn, reason: string | null): string | null {
  if (!reason) return null;
  if (reason.startsWith("rejected")) return t("connect.reasons.rejected");
  return t(REASONS[reason] ?? "connect.reasons.other");
}
