// The /api/v1 operations shared by the current routes and the older path names sellers may
// already call (thin aliases, same functions, same auth).
import { NextResponse } from "next/server";
import type { StoreContext } from "./handler";
import { parseJsonBody } from "./body";
import { idempotencyKeyOf } from "./idempotency";
import { appUrl } from "@/lib/env/app-url";
import { AppError } from "@/lib/errors";
import { createAccountLink, AccountLinkInput, createConnectedAccount, CreateAccountInput, getAccountStatus } from "@/lib/connect/accounts";
import { createProduct } from "@/lib/catalog/products";
import { CreateProductInput } from "@/lib/catalog/schemas";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { createBillingPortalSession, subscribeToPlan, SubscribeInput } from "@/lib/billing/plans";
import { prisma } from "@/lib/db/client";

export async function createAccountOp({ req, store, audit }: StoreContext) {
  const input = await parseJsonBody(req, CreateAccountInput);
  return NextResponse.json(await createConnectedAccount(store, input, audit), { status: 201 });
}

export async function accountLinkOp({ req, store }: StoreContext) {
  const { type } = await parseJsonBody(req, AccountLinkInput);
  return createAccountLink(store.id, type, appUrl());
}

export async function accountStatusOp({ store }: StoreContext, accountId?: string) {
  const status = await getAccountStatus(store.id);
  if (!status || (accountId && status.accountId !== accountId)) throw new AppError("not_found", "Account not found.");
  return status;
}

export async function createProductOp({ req, store, audit }: StoreContext) {
  const input = await parseJsonBody(req, CreateProductInput);
  return NextResponse.json(await createProduct(store.id, input, audit, idempotencyKeyOf(req)), { status: 201 });
}

export async function createCheckoutSessionOp({ req, store, audit }: StoreContext) {
  const input = await parseJsonBody(req, CreateCheckoutSessionInput);
  const { order, url, sessionId } = await createCheckoutSession(store.id, input, { appUrl: appUrl(), idempotencyKey: idempotencyKeyOf(req), audit });
  return NextResponse.json({ id: sessionId, url, order: { id: order.id, status: order.status, amountTotal: order.amountTotal, currency: order.currency, applicationFeeAmount: order.applicationFeeAmount, orderId: order.externalOrderId } }, { status: 201 });
}

async function ownerEmail(storeId: string) {
  return (await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { owner: { select: { email: true } } } })).owner.email;
}

export async function subscribeOp({ req, store, audit }: StoreContext) {
  const { planCode } = await parseJsonBody(req, SubscribeInput);
  return subscribeToPlan(store, await ownerEmail(store.id), planCode, { appUrl: appUrl(), audit });
}

export async function portalOp({ store }: StoreContext) {
  return createBillingPortalSession(store.id, appUrl());
}
