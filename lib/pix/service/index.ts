/** The PIX service layer (server-only): configs, charges, webhooks, reconciler, refunds. Everything is scoped by store. */
export {
  listGatewayTypes,
  listGatewayConfigs,
  getGatewayConfig,
  createGatewayConfig,
  updateGatewayConfig,
  verifyGatewayConfig,
  setGatewayActive,
  reorderGatewayConfigs,
  deleteGatewayConfig,
  type GatewayType,
  type PixGatewayConfigView,
  type ConfigStats,
} from "./configs";
export {
  createPixCharge,
  listPixCharges,
  getPixCharge,
  getPublicPixCharge,
  getPublicPixStatus,
  refreshPixCharge,
  confirmDirectKeyCharge,
} from "./charges";
export { submitPixCustomer, type CustomerForm } from "./collect-customer";
export { nextCheckAfter } from "./failover";
export { refundPixCharge } from "./refunds";
export { handlePixWebhook } from "./webhooks";
export { reconcilePixCharges, pixReconcileJob } from "./reconciler";
export { reencryptPixCredentials } from "./reencrypt";
export type { PixChargeView, PixChargeDetail, PublicPixCharge } from "./views";
export * from "./schemas";
