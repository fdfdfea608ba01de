// Every notification Vitrine sends: its channels by default, whether a store may turn it off, and
// the page it links to. A store's NotificationPreference row overrides the defaults.
export const NOTIFICATION_EVENTS = [
  "plan_payment_failed",
  "dunning_reminder",
  "dunning_downgraded",
  "dunning_recovered",
  "trial_ending",
  "invoice_issued",
  "invoice_overdue",
  "order_receipt",
  "usage_threshold",
  "callback_endpoint_disabled",
  "dispute_opened",
  "pix_charge_paid",
  "password_changed",
  "test_message",
  "buyer_portal_link",
  "boleto_issued",
] as const;

export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export type NotificationChannel = "email" | "slack";

export type EventDefinition = {
  defaults: { email: boolean; slack: boolean };
  /** Email always goes out (money owed, security): a store may add or drop Slack, never the email. */
  emailRequired: boolean;
  /** False: never posted to Slack (an account's security stays in its holder's mailbox). */
  slackAllowed: boolean;
  /** Shown on the preferences page. */
  listed: boolean;
  /** The page the message links to when the payload gives no `url`. */
  path: string;
};

const event = (
  path: string,
  defaults: { email: boolean; slack: boolean },
  opts: { emailRequired?: boolean; slackAllowed?: boolean; listed?: boolean } = {},
): EventDefinition => ({
  defaults,
  path,
  emailRequired: opts.emailRequired ?? false,
  slackAllowed: opts.slackAllowed ?? true,
  listed: opts.listed ?? true,
});

export const EVENT_DEFINITIONS: Record<NotificationEvent, EventDefinition> = {
  plan_payment_failed: event("/dashboard/plan", { email: true, slack: true }, { emailRequired: true }),
  dunning_reminder: event("/dashboard/plan", { email: true, slack: true }, { emailRequired: true }),
  dunning_downgraded: event("/dashboard/plan", { email: true, slack: true }, { emailRequired: true }),
  // The overdue plan invoice was paid (card or PIX) and the reminders stop.
  dunning_recovered: event("/dashboard/plan", { email: true, slack: true }),
  trial_ending: event("/dashboard/plan", { email: true, slack: false }),
  invoice_issued: event("/dashboard/invoices", { email: true, slack: false }),
  invoice_overdue: event("/dashboard/invoices", { email: true, slack: true }, { emailRequired: true }),
  // The store's receipt of a paid order or PIX charge, to the BUYER alone by email (PDF attached);
  // the store may turn it off.
  order_receipt: event("/dashboard/invoices", { email: true, slack: false }, { slackAllowed: false }),
  usage_threshold: event("/dashboard/plan", { email: true, slack: true }),
  callback_endpoint_disabled: event("/dashboard/callbacks", { email: true, slack: true }),
  dispute_opened: event("/dashboard/orders", { email: true, slack: true }),
  pix_charge_paid: event("/dashboard/pix", { email: false, slack: false }),
  // To the account holder alone, by email, whatever the store's settings.
  password_changed: event(
    "/dashboard/settings",
    { email: true, slack: false },
    { emailRequired: true, slackAllowed: false },
  ),
  // The preferences page's "send a test" button: the channel is the one asked for.
  test_message: event("/dashboard/settings/notifications", { email: true, slack: true }, { listed: false }),
  // A buyer's sign-in link to their subscription's customer portal: to the buyer alone, by email.
  buyer_portal_link: event(
    "/",
    { email: true, slack: false },
    { emailRequired: true, slackAllowed: false, listed: false },
  ),
  // A buyer's boleto voucher (number, due date, links), once per order: to the buyer alone, by
  // email, whatever the store's settings (it is how they pay).
  boleto_issued: event("/", { email: true, slack: false }, { emailRequired: true, slackAllowed: false, listed: false }),
};

export const PREFERENCES_PATH = "/dashboard/settings/notifications";

export function isNotificationEvent(value: unknown): value is NotificationEvent {
  return typeof value === "string" && (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

/** The events the preferences page lists, in order. */
export const LISTED_EVENTS = NOTIFICATION_EVENTS.filter((e) => EVENT_DEFINITIONS[e].listed);
