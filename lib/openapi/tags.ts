// The tag groups of the API reference, in sidebar order, each with a line saying what it covers.
export const TAGS = [
  { name: "account", title: "Account", description: "The store an API key acts for, and this document." },
  {
    name: "products",
    title: "Products and prices",
    description: "The catalogue on the store's connected Stripe account.",
  },
  { name: "checkout", title: "Checkout", description: "Hosted checkout sessions and embedded PaymentIntents." },
  { name: "orders", title: "Orders and refunds", description: "Card orders and their refunds." },
  { name: "payments", title: "Payments", description: "Card and PIX payments, the sales overview and the CSV export." },
  {
    name: "pix",
    title: "PIX",
    description: "PIX charges across the store's gateways, refunds and gateway configurations.",
  },
  { name: "credits", title: "Credits", description: "Prepaid credits: packages, purchases, spending and the ledger." },
  { name: "customers", title: "Customers", description: "The store's buyers and their portal." },
  { name: "invoices", title: "Invoices", description: "Receipts and invoices, their PDF and PIX." },
  { name: "coupons", title: "Coupons", description: "The store's coupons and promotion codes." },
  {
    name: "callbacks",
    title: "Callbacks",
    description: "Signed calls to the store's endpoints: endpoints, deliveries, replay.",
  },
  { name: "connect", title: "Stripe Connect", description: "The store's Stripe Express account and its links." },
  { name: "balance", title: "Balance and payouts", description: "Stripe balance, PIX received and payouts." },
  {
    name: "platform",
    title: "Plan and billing",
    description: "The store's Vitrine plan, subscription and billing portal.",
  },
  { name: "usage", title: "Usage", description: "Metered usage against the plan's limits." },
  {
    name: "notifications",
    title: "Notifications",
    description: "Email and Slack notifications of the store (dashboard session).",
  },
  {
    name: "store",
    title: "Store settings",
    description: "Installments and the tax identity printed on documents (dashboard session).",
  },
  { name: "api-keys", title: "API keys", description: "The store's API keys (dashboard session)." },
  { name: "admin", title: "Platform admin", description: "Operations for platform admins (admin session)." },
  {
    name: "legacy",
    title: "Older paths",
    description: "Older path names kept for existing integrations: the same handlers as the current paths.",
  },
] as const;

export type TagName = (typeof TAGS)[number]["name"];
