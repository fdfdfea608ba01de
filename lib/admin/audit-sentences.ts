// The audit trail read as sentences: "Ana Souza refunded order ord_123", with the diff of what
// changed. One phrase per known action in both languages; an action nobody has worded yet still
// reads ("recorded ‘refund requested’ on order …") so a new action is never hidden.
import type { Locale } from "@/lib/i18n/config";

type Phrase = { en: string; "pt-BR": string };

/** Nouns for target types and action domains. */
const NOUNS: Record<string, Phrase> = {
  api_key: { en: "API key", "pt-BR": "chave de API" },
  order: { en: "order", "pt-BR": "pedido" },
  store: { en: "store", "pt-BR": "loja" },
  user: { en: "user", "pt-BR": "usuário" },
  product: { en: "product", "pt-BR": "produto" },
  price: { en: "price", "pt-BR": "preço" },
  coupon: { en: "coupon", "pt-BR": "cupom" },
  promotion_code: { en: "promotion code", "pt-BR": "código promocional" },
  invoice: { en: "invoice", "pt-BR": "fatura" },
  pix_charge: { en: "PIX charge", "pt-BR": "cobrança PIX" },
  pix_gateway: { en: "PIX gateway", "pt-BR": "gateway PIX" },
  pix_refund: { en: "PIX refund", "pt-BR": "devolução PIX" },
  platform_pix_charge: { en: "platform PIX charge", "pt-BR": "cobrança PIX da plataforma" },
  callback_endpoint: { en: "callback endpoint", "pt-BR": "endpoint de callback" },
  callback: { en: "callback", "pt-BR": "callback" },
  credit_purchase: { en: "credit purchase", "pt-BR": "compra de créditos" },
  credit_package: { en: "credit package", "pt-BR": "pacote de créditos" },
  credits: { en: "credits", "pt-BR": "créditos" },
  subscription: { en: "subscription", "pt-BR": "assinatura" },
  stripe_account: { en: "Stripe account", "pt-BR": "conta Stripe" },
  checkout_session: { en: "Checkout session", "pt-BR": "sessão de Checkout" },
  payment_intent: { en: "PaymentIntent", "pt-BR": "PaymentIntent" },
  dunning_case: { en: "dunning case", "pt-BR": "caso de cobrança" },
};

/** "{target}" is replaced by the target's noun and id. */
const ACTIONS: Record<string, Phrase> = {
  "audit.anchor": {
    en: "anchored every audit chain's head",
    "pt-BR": "ancorou o topo de cada cadeia de auditoria",
  },
  "api_key.created": { en: "created API key {target}", "pt-BR": "criou a chave de API {target}" },
  "api_key.revoked": { en: "revoked API key {target}", "pt-BR": "revogou a chave de API {target}" },
  "auth.error_code_replaced": {
    en: "replaced an unknown sign-in error code",
    "pt-BR": "substituiu um código de erro de login desconhecido",
  },
  "login.account_locked": {
    en: "locked the account after failed sign-ins",
    "pt-BR": "bloqueou a conta após logins malsucedidos",
  },
  "login.failed": { en: "failed to sign in", "pt-BR": "falhou ao entrar" },
  "login.rate_limited": {
    en: "was rate limited signing in",
    "pt-BR": "teve o login limitado por excesso de tentativas",
  },
  "user.signed_up": { en: "signed up", "pt-BR": "criou a conta" },
  "user.admin_created": { en: "created administrator {target}", "pt-BR": "criou o administrador {target}" },
  "user.password_reset": { en: "reset the password of {target}", "pt-BR": "redefiniu a senha de {target}" },
  "user.password_changed": { en: "changed their password", "pt-BR": "alterou a própria senha" },
  "user.profile_updated": { en: "updated their profile", "pt-BR": "atualizou o perfil" },
  "user.suspended": { en: "suspended {target}", "pt-BR": "suspendeu {target}" },
  "user.reactivated": { en: "reactivated {target}", "pt-BR": "reativou {target}" },
  "store.created": { en: "created store {target}", "pt-BR": "criou a loja {target}" },
  "store.review_approved": { en: "approved store {target}", "pt-BR": "aprovou a loja {target}" },
  "store.review_suspended": { en: "suspended store {target}", "pt-BR": "suspendeu a loja {target}" },
  "store.review_reinstated": { en: "reinstated store {target}", "pt-BR": "reativou a loja {target}" },
  "store.settings_updated": {
    en: "updated the settings of store {target}",
    "pt-BR": "atualizou as configurações da loja {target}",
  },
  "store.tax_identity_updated": {
    en: "updated the tax identity of store {target}",
    "pt-BR": "atualizou os dados fiscais da loja {target}",
  },
  "store.installments_updated": {
    en: "updated the installment rules of store {target}",
    "pt-BR": "atualizou as regras de parcelamento da loja {target}",
  },
  "connect.account_created": { en: "created Stripe account {target}", "pt-BR": "criou a conta Stripe {target}" },
  "connect.account_updated": { en: "updated Stripe account {target}", "pt-BR": "atualizou a conta Stripe {target}" },
  "catalog.product_created": { en: "created product {target}", "pt-BR": "criou o produto {target}" },
  "catalog.price_created": { en: "created price {target}", "pt-BR": "criou o preço {target}" },
  "catalog.published": { en: "published {target} to Stripe", "pt-BR": "publicou {target} na Stripe" },
  "checkout.session_created": {
    en: "opened Checkout session {target}",
    "pt-BR": "abriu a sessão de Checkout {target}",
  },
  "checkout.payment_intent_created": {
    en: "created PaymentIntent {target}",
    "pt-BR": "criou o PaymentIntent {target}",
  },
  "checkout.fee_adjusted_for_discount": {
    en: "adjusted the fee of {target} for a discount",
    "pt-BR": "ajustou a taxa de {target} por um desconto",
  },
  "order.submitted": { en: "submitted order {target}", "pt-BR": "enviou o pedido {target}" },
  "order.paid": { en: "marked order {target} paid", "pt-BR": "marcou o pedido {target} como pago" },
  "order.failed": { en: "marked order {target} failed", "pt-BR": "marcou o pedido {target} como falho" },
  "order.expired": { en: "expired order {target}", "pt-BR": "expirou o pedido {target}" },
  "order.canceled": { en: "canceled order {target}", "pt-BR": "cancelou o pedido {target}" },
  "order.refunded": { en: "refunded order {target}", "pt-BR": "reembolsou o pedido {target}" },
  "order.partially_refunded": {
    en: "partially refunded order {target}",
    "pt-BR": "reembolsou parcialmente o pedido {target}",
  },
  "order.disputed": {
    en: "recorded a dispute on order {target}",
    "pt-BR": "registrou uma contestação no pedido {target}",
  },
  "order.dispute_closed": {
    en: "closed the dispute on order {target}",
    "pt-BR": "encerrou a contestação do pedido {target}",
  },
  "order.refund_requested": {
    en: "requested a refund of order {target}",
    "pt-BR": "pediu o reembolso do pedido {target}",
  },
  "order.refund_refused": {
    en: "had a refund of order {target} refused",
    "pt-BR": "teve recusado o reembolso do pedido {target}",
  },
  "pix_charge.created": { en: "created PIX charge {target}", "pt-BR": "criou a cobrança PIX {target}" },
  "pix_charge.create_failed": { en: "failed to create a PIX charge", "pt-BR": "não conseguiu criar uma cobrança PIX" },
  "pix_charge.awaiting_customer": {
    en: "created PIX charge {target}, waiting for the buyer's data",
    "pt-BR": "criou a cobrança PIX {target}, aguardando os dados do comprador",
  },
  "pix_charge.underpaid": {
    en: "recorded an underpayment on PIX charge {target}",
    "pt-BR": "registrou pagamento a menor na cobrança PIX {target}",
  },
  "pix_gateway.created": { en: "added PIX gateway {target}", "pt-BR": "adicionou o gateway PIX {target}" },
  "pix_gateway.updated": { en: "updated PIX gateway {target}", "pt-BR": "atualizou o gateway PIX {target}" },
  "pix_gateway.deleted": { en: "removed PIX gateway {target}", "pt-BR": "removeu o gateway PIX {target}" },
  "pix_gateway.verified": { en: "verified PIX gateway {target}", "pt-BR": "verificou o gateway PIX {target}" },
  "pix_gateway.reordered": { en: "reordered the PIX gateways", "pt-BR": "reordenou os gateways PIX" },
  "pix_refund.requested": { en: "requested PIX refund {target}", "pt-BR": "pediu a devolução PIX {target}" },
  "callback_endpoint.created": {
    en: "added callback endpoint {target}",
    "pt-BR": "adicionou o endpoint de callback {target}",
  },
  "callback_endpoint.updated": {
    en: "updated callback endpoint {target}",
    "pt-BR": "atualizou o endpoint de callback {target}",
  },
  "callback_endpoint.deleted": {
    en: "deleted callback endpoint {target}",
    "pt-BR": "excluiu o endpoint de callback {target}",
  },
  "callback_endpoint.disabled": {
    en: "disabled callback endpoint {target}",
    "pt-BR": "desativou o endpoint de callback {target}",
  },
  "callback_endpoint.secret_rotated": {
    en: "rotated the secret of callback endpoint {target}",
    "pt-BR": "trocou o segredo do endpoint de callback {target}",
  },
  "callback.test_sent": {
    en: "sent a test callback to {target}",
    "pt-BR": "enviou um callback de teste para {target}",
  },
  "callback.replayed": { en: "replayed callback {target}", "pt-BR": "reenviou o callback {target}" },
  "callback.redelivered": { en: "redelivered callback {target}", "pt-BR": "reentregou o callback {target}" },
  "credits.purchase_started": {
    en: "started credit purchase {target}",
    "pt-BR": "iniciou a compra de créditos {target}",
  },
  "credits.purchase_credited": { en: "credited purchase {target}", "pt-BR": "creditou a compra {target}" },
  "credits.purchase_failed": {
    en: "recorded the failure of credit purchase {target}",
    "pt-BR": "registrou a falha da compra de créditos {target}",
  },
  "credits.purchase_canceled": {
    en: "canceled credit purchase {target}",
    "pt-BR": "cancelou a compra de créditos {target}",
  },
  "credits.package_created": { en: "created credit package {target}", "pt-BR": "criou o pacote de créditos {target}" },
  "credits.package_updated": {
    en: "updated credit package {target}",
    "pt-BR": "atualizou o pacote de créditos {target}",
  },
  "credits.adjusted": { en: "adjusted the credits of {target}", "pt-BR": "ajustou os créditos de {target}" },
  "coupon.created": { en: "created coupon {target}", "pt-BR": "criou o cupom {target}" },
  "coupon.deactivated": { en: "deactivated coupon {target}", "pt-BR": "desativou o cupom {target}" },
  "coupon.promotion_code_created": {
    en: "created promotion code {target}",
    "pt-BR": "criou o código promocional {target}",
  },
  "coupon.promotion_code_deactivated": {
    en: "deactivated promotion code {target}",
    "pt-BR": "desativou o código promocional {target}",
  },
  "coupon.applied_to_subscription": { en: "applied a coupon to {target}", "pt-BR": "aplicou um cupom a {target}" },
  "billing.plan_changed": { en: "changed the plan of {target}", "pt-BR": "trocou o plano de {target}" },
  "billing.subscription_updated": { en: "updated subscription {target}", "pt-BR": "atualizou a assinatura {target}" },
  "billing.dunning_downgraded": {
    en: "downgraded {target} after unpaid invoices",
    "pt-BR": "rebaixou {target} após faturas não pagas",
  },
  "dunning.case_opened": { en: "opened dunning case {target}", "pt-BR": "abriu o caso de cobrança {target}" },
  "dunning.schedule_updated": { en: "updated the dunning schedule", "pt-BR": "atualizou a régua de cobrança" },
  "notification_settings.updated": {
    en: "updated the notification settings",
    "pt-BR": "atualizou as configurações de notificação",
  },
  "notification_settings.slack_set": { en: "connected Slack", "pt-BR": "conectou o Slack" },
  "notification_settings.slack_removed": { en: "disconnected Slack", "pt-BR": "desconectou o Slack" },
  "usage.alert": { en: "raised a usage alert for {target}", "pt-BR": "emitiu um alerta de uso para {target}" },
  "usage.overage_charged": { en: "charged overage {target}", "pt-BR": "cobrou o excedente {target}" },
  "invoice.open": { en: "finalized invoice {target}", "pt-BR": "emitiu a fatura {target}" },
  "invoice.paid": { en: "marked invoice {target} paid", "pt-BR": "marcou a fatura {target} como paga" },
  "invoice.void": { en: "voided invoice {target}", "pt-BR": "anulou a fatura {target}" },
  "invoice.uncollectible": {
    en: "marked invoice {target} uncollectible",
    "pt-BR": "marcou a fatura {target} como incobrável",
  },
};

const FALLBACK: Phrase = { en: "recorded “{what}” on {target}", "pt-BR": "registrou “{what}” em {target}" };
const SYSTEM_ACTORS: Record<string, Phrase> = {
  system: { en: "Vitrine", "pt-BR": "A Vitrine" },
  stripe: { en: "Stripe", "pt-BR": "A Stripe" },
  gateway: { en: "The PIX gateway", "pt-BR": "O gateway PIX" },
  api_key: { en: "An API key", "pt-BR": "Uma chave de API" },
  user: { en: "A user", "pt-BR": "Um usuário" },
};

export type AuditRowForSentence = {
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName?: string | null;
};

/** Who did it: a user's name and email when known, else the kind of actor (and its id). */
export function actorLabel(
  row: Pick<AuditRowForSentence, "actorType" | "actorId">,
  locale: Locale,
  users: Map<string, { name: string; email: string }>,
): string {
  if (row.actorType === "user" && row.actorId) {
    const user = users.get(row.actorId);
    if (user) return `${user.name} (${user.email})`;
  }
  const base = (SYSTEM_ACTORS[row.actorType] ?? SYSTEM_ACTORS.system!)[locale];
  return row.actorType === "api_key" && row.actorId
    ? `${base} ${row.actorId}`
    : row.actorType === "system" && row.actorId
      ? `${base} (${row.actorId})`
      : base;
}

export function targetLabel(row: Pick<AuditRowForSentence, "targetType" | "targetId">, locale: Locale): string {
  if (!row.targetType) return "—";
  const noun = NOUNS[row.targetType]?.[locale] ?? row.targetType.replace(/_/g, " ");
  return row.targetId ? `${noun} ${row.targetId}` : noun;
}

/** "Ana Souza (ana@…) refunded order ord_1" — the verb phrase with the target's id in it. */
export function auditSentence(
  row: AuditRowForSentence,
  locale: Locale,
  users: Map<string, { name: string; email: string }>,
): {
  actor: string;
  phrase: string;
} {
  const targetUser = row.targetType === "user" && row.targetId ? users.get(row.targetId) : undefined;
  const target =
    row.targetName ??
    targetUser?.email ??
    row.targetId ??
    (row.targetType ? (NOUNS[row.targetType]?.[locale] ?? row.targetType) : "");
  const known = ACTIONS[row.action];
  const phrase = known
    ? known[locale].replace("{target}", target).trim()
    : FALLBACK[locale]
        .replace("{what}", row.action.replace(/[._]/g, " "))
        .replace("{target}", targetLabel(row, locale));
  return { actor: actorLabel(row, locale, users), phrase };
}

/** Every action the sentence table words (for the action filter). */
export const KNOWN_ACTIONS = Object.keys(ACTIONS);

export type DiffLine = { field: string; before: string; after: string };

const HIDDEN_FIELD = /secret|token|password|hash|key_?enc|credential|ciphertext/i;

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (value === null) return "∅";
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

/** The fields that changed between before and after (secrets never shown, only that they changed). */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const a = before && typeof before === "object" && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
  const b = after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>) : {};
  if (!before && !after) return [];
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const lines: DiffLine[] = [];
  for (const field of fields) {
    if (JSON.stringify(a[field]) === JSON.stringify(b[field])) continue;
    const hidden = HIDDEN_FIELD.test(field);
    lines.push({
      field,
      before: hidden ? (field in a ? "••••" : "—") : show(a[field]),
      after: hidden ? (field in b ? "••••" : "—") : show(b[field]),
    });
  }
  return lines;
}
