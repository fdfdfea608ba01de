// Every documented operation of /api/v1, in tag order. tests/openapi/coverage.test.ts fails when a
// route file exports a method that is not listed here, or when one listed here does not exist.
import type { Operation } from "./types";
import { accountOperations } from "./operations/account";
import { adminOperations } from "./operations/admin";
import { apiKeysOperations } from "./operations/api-keys";
import { balanceOperations } from "./operations/balance";
import { callbacksOperations } from "./operations/callbacks";
import { checkoutOperations } from "./operations/checkout";
import { connectOperations } from "./operations/connect";
import { couponsOperations } from "./operations/coupons";
import { creditsOperations } from "./operations/credits";
import { customersOperations } from "./operations/customers";
import { invoicesOperations } from "./operations/invoices";
import { legacyOperations } from "./operations/legacy";
import { notificationsOperations } from "./operations/notifications";
import { ordersOperations } from "./operations/orders";
import { paymentsOperations } from "./operations/payments";
import { pixOperations } from "./operations/pix";
import { platformOperations } from "./operations/platform";
import { productsOperations } from "./operations/products";
import { storeOperations } from "./operations/store";
import { usageOperations } from "./operations/usage";

export const OPERATIONS: readonly Operation[] = [
  ...accountOperations,
  ...productsOperations,
  ...checkoutOperations,
  ...ordersOperations,
  ...paymentsOperations,
  ...pixOperations,
  ...creditsOperations,
  ...customersOperations,
  ...invoicesOperations,
  ...couponsOperations,
  ...callbacksOperations,
  ...connectOperations,
  ...balanceOperations,
  ...platformOperations,
  ...usageOperations,
  ...notificationsOperations,
  ...storeOperations,
  ...apiKeysOperations,
  ...adminOperations,
  ...legacyOperations,
];
