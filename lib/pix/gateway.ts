import { logger as defaultLogger } from "@/lib/log/logger";
import { assertCustomer, normaliseCustomer } from "./customer";
import { PixGatewayError } from "./errors";
import { DEFAULT_TIMEOUT_MS, createGuardedFetch, type FetchLike } from "./http";
import { assertCentavos, assertChargeAmount } from "./money";
import { newRefundId } from "./reference";
import { assertSplit, ownAccountOf, splitToOwnAccount } from "./split";
import type { GatewayContext, PixGateway, PixGatewayDefinition, PixGatewayOptions } from "./types";

/**
 * Turns a definition + raw credentials into a PixGateway. The rules every gateway shares live
 * here once: credential validation, amount checks, the buyer data and split rules each gateway
 * enforces (refused before any call), refund ceilings, not_supported for the rest.
 */
export function instantiateGateway<C extends Record<string, unknown>>(
  def: PixGatewayDefinition<C>,
  credentials: unknown,
  options: PixGatewayOptions = {},
): PixGateway {
  const parsed = def.credentials.schema.safeParse(credentials);
  if (!parsed.success) {
    // why: name the fields only — the values may be secrets.
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "?")))].join(", ");
    throw new PixGatewayError(
      "invalid_credentials",
      `${def.displayName}: missing or invalid credential fields: ${fields}`,
      { gateway: def.id },
    );
  }
  const ctx: GatewayContext = {
    baseUrl: (options.baseUrl ?? def.defaultBaseUrl).replace(/\/+$/, ""),
    fetch:
      options.fetch ??
      (options.addressGuard
        ? createGuardedFetch(options.addressGuard)
        : (input, init) => (globalThis.fetch as FetchLike)(input, init)),
    customFetch: options.fetch !== undefined,
    addressGuard: options.fetch ? undefined : options.addressGuard,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    log: (options.logger ?? defaultLogger).child({ pixGateway: def.id }),
    now: options.now ?? (() => new Date()),
  };
  const impl = def.create(parsed.data, ctx);
  const unsupported = (what: string) =>
    new PixGatewayError("not_supported", `${def.displayName} does not support ${what}`, { gateway: def.id });

  return {
    id: def.id,
    displayName: def.displayName,
    capabilities: def.capabilities,
    minimumCentavos: def.minimumCentavos,
    amountUnit: def.amountUnit,
    baseUrl: ctx.baseUrl,
    statusReadIntervalMs: def.statusReadIntervalMs,
    customer: def.customer,
    splitLimits: def.splitLimits,
    async createCharge(input) {
      assertChargeAmount(input.amountCentavos, def.minimumCentavos, def.id);
      if (!input.reference) throw new PixGatewayError("gateway_rejected", "a charge needs our reference");
      if (input.split?.length && !def.capabilities.split) throw unsupported("split payments");
      assertSplit(def.id, def.displayName, def.splitLimits, input.split, input.amountCentavos);
      const toSelf = splitToOwnAccount(input.split ?? [], ownAccountOf(def.splitLimits, parsed.data));
      if (toSelf)
        throw new PixGatewayError(
          "invalid_split",
          `${def.displayName} split: recipient ${toSelf.recipientId} is this account itself, which ${def.displayName} refuses`,
          { gateway: def.id },
        );
      const customer = normaliseCustomer(input.customer);
      assertCustomer(def.id, def.displayName, def.customer, customer);
      return impl.createCharge({ ...input, customer });
    },
    parseWebhook(input) {
      return impl.parseWebhook(input);
    },
    async getStatus(ref) {
      if (!impl.getStatus) throw unsupported("status queries");
      return impl.getStatus(ref);
    },
    async verifyCredentials() {
      if (!impl.verifyCredentials) throw unsupported("credential checks");
      return impl.verifyCredentials();
    },
    async refund(input) {
      if (!impl.refund) throw unsupported("refunds");
      assertCentavos(input.amountCentavos, "refund amount");
      assertCentavos(input.paidAmountCentavos, "paid amount");
      const already = input.alreadyRefundedCentavos ?? 0;
      if (!Number.isSafeInteger(already) || already < 0)
        throw new PixGatewayError("invalid_amount", "already refunded must be zero or more centavos");
      if (input.amountCentavos + already > input.paidAmountCentavos)
        throw new PixGatewayError("invalid_amount", "refunds cannot add up to more than the amount paid", {
          gateway: def.id,
        });
      return impl.refund({ ...input, refundId: input.refundId ?? newRefundId() });
    },
    async registerWebhook(url) {
      if (!impl.registerWebhook) throw unsupported("webhook registration through the API");
      return impl.registerWebhook(url);
    },
  };
}
