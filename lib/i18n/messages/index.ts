import common from "./common";
import ui from "./ui";
import auth from "./auth";
import nav from "./nav";
import apiKeys from "./api-keys";
import settings from "./settings";
import admin from "./admin";
import dashboard from "./dashboard";
import marketing from "./marketing";
import connect from "./connect";
import catalog from "./catalog";
import orders from "./orders";
import billing from "./billing";
import buyer from "./buyer";
import callbacks from "./callbacks";
import credits from "./credits";
import pix from "./pix";
import usage from "./usage";
import coupons from "./coupons";
import invoices from "./invoices";
import notifications from "./notifications";
import errors from "./errors";
import callbackDocs from "./callback-docs";
import overview from "./overview";
import payments from "./payments";
import customers from "./customers";
import config from "./config";
import balance from "./balance";
import auditTrail from "./audit-trail";
import tenants from "./tenants";
import checkout from "./checkout";
import operations from "./operations";
import oneLink from "./one-link";
import apiDocs from "./api-docs";
import apiDocsTags from "./api-docs-tags";

const namespaces = {
  common,
  ui,
  marketing,
  auth,
  nav,
  apiKeys,
  settings,
  admin,
  dashboard,
  connect,
  catalog,
  orders,
  billing,
  buyer,
  callbacks,
  credits,
  pix,
  usage,
  coupons,
  invoices,
  notifications,
  errors,
  callbackDocs,
  overview,
  config,
  auditTrail,
  payments,
  customers,
  checkout,
  balance,
  tenants,
  operations,
  oneLink,
  apiDocs,
  apiDocsTags,
} as const;

type NS = typeof namespaces;
export type Messages = { [K in keyof NS]: NS[K]["en"] };

function pick<L extends "en" | "pt-BR">(locale: L): Messages {
  const out: Record<string, unknown> = {};
  for (const [name, ns] of Object.entries(namespaces)) out[name] = ns[locale];
  return out as Messages;
}

export const messages = { en: pick("en"), "pt-BR": pick("pt-BR") } as const;
