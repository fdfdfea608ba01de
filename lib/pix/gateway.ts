import { logger as defaultLogger } from "@/lib/log/logger";
import { PixGatewayError } from "./errors";
import { DEFAULT_TIMEOUT_MS, type FetchLike } from "./http";
import { assertCentavos, assertChargeAmount } from "./money";
import { newRefundId } from "./reference";
import type { GatewayContext, PixGateway, PixGatewayDefinition, PixGatewayOptions } from "./types";

/**
 * Turns a definition + raw credentials into a PixGateway. The rules every gateway shares live
 * here once: credential validation, amount checks, refund ceilings, not_supported for the rest.
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
    throw new PixGatewayError("invalid_credentials", `${def.displayName}: missing or invalid credential fields: ${fields}`, { gateway: def.id });
  }
  const ctx: GatewayContext = {
    baseUrl: (options.baseUrl ?? def.defaultBaseUrl).replace(/\/+$/, ""),
    fetch: options.fetch ?? ((input, init) => (globalThis.fetch as FetchLike)(input, init)),
    customFetch: options.fetch !== undefined,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    log: (options.logger ?? defaultLogger).child({ pixGateway: def.id }),
    now: options.now ?? (() => new Date()),
  };
  const impl = def.create(parsed.data, ctx);
  const unsupported = (what: string) => new PixGatewayError("not_supported", `${def.displayName} does not support ${what}`, { gateway: def.id });

  return {
    id: def.id,
    displayName: def.displayName,
    capabilities: def.capabilities,
    minimumCentavos: def.minimumCentavos,
    amountUnit: def.amountUnit,
    baseUrl: ctx.baseUrl,
    async createCharge(input) {
      assertChargeAmount(input.amountCentavos, def.minimumCentavos, def.id);
      if (!input.reference) throw new PixGatewayError("gateway_rejected", "a charge needs our reference");
      if (input.split?.length && !def.capabilities.split) throw unsupported("split payments");
      for (const rule of input.split ?? [])
        if (!Number.isInteger(rule.percentage) || rule.percentage < 1 || rule.percentage > 100)
          throw new PixGatewayError("invalid_amount", "split percentages must be whole numbers from 1 to 100");
      return impl.createCharge(input);
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
      if (!Number.isSafeInteger(already) || already < 0) throw new PixGatewayError("invalid_amount", "already refunded must be zero or more centavos");
      if (input.amountCentavos + already > input.paidAmountCentavos)
        throw new PixGatewayError("invalid_amount", "refunds cannot add up to more than the amount paid", { gateway: def.id });
      return impl.refund({ ...input, refundId: input.refundId ?? newRefundId() });
    },
    async registerWebhook(url) {
      if (!impl.registerWebhook) throw unsupported("webhook registration through the API");
      return impl.registerWebhook(url);
    },
  };
}
