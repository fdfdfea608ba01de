/** Every emulated API route. Specific paths come before `:id` patterns. */
import { Router } from "../router";
import { accountRoutes } from "./accounts";
import { billingRoutes } from "./billing";
import { catalogRoutes } from "./catalog";
import { checkoutRoutes } from "./checkout";
import { couponRoutes } from "./coupons";
import { customerRoutes } from "./customers";
import { eventRoutes } from "./events";
import { intentRoutes } from "./intents";
import { moneyRoutes } from "./money";
import { payoutRoutes } from "./payouts";

export function apiRouter(): Router {
  return new Router([
    ...accountRoutes,
    ...catalogRoutes,
    ...customerRoutes,
    ...intentRoutes,
    ...checkoutRoutes,
    ...billingRoutes,
    ...couponRoutes,
    ...moneyRoutes,
    ...payoutRoutes,
    ...eventRoutes,
  ]);
}
