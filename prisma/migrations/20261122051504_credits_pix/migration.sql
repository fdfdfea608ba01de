-- CreateEnum
CREATE TYPE "CreditPurchaseStatus" AS ENUM ('PENDING', 'REQUIRES_ACTION', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED');

-- CreateEnum
CREATE TYPE "CreditEntryKind" AS ENUM ('PURCHASE', 'SPEND', 'REFUND_REVERSAL', 'DISPUTE_HOLD', 'DISPUTE_RELEASE', 'DISPUTE_LOSS', 'ADJUSTMENT', 'EXPIRY');

-- CreateTable
CREATE TABLE "CreditPackage" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditPurchase" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "packageId" TEXT,
    "credits" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "chargeId" TEXT,
    "status" "CreditPurchaseStatus" NOT NULL DEFAULT 'PENDING',
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "idempotencyKey" TEXT,
    "refundedAmount" INTEGER NOT NULL DEFAULT 0,
    "creditedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditPurchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditLedgerEntry" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "CreditEntryKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "reference" TEXT,
    "uniqueKey" TEXT NOT NULL,
    "reason" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "purchaseId" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditBalance" (
    "storeId" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "held" INTEGER NOT NULL DEFAULT 0,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditBalance_pkey" PRIMARY KEY ("storeId")
);

-- CreateTable
CREATE TABLE "PixGatewayConfig" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "gateway" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "credentialsKeyId" TEXT NOT NULL,
    "maskedCredentials" JSONB,
    "baseUrl" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "endpointToken" TEXT NOT NULL,
    "producerHash" TEXT,
    "lastVerifiedAt" TIMESTAMP(3),
    "lastVerifyOk" BOOLEAN,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PixGatewayConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PixCharge" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "gatewayConfigId" TEXT,
    "gateway" TEXT,
    "reference" TEXT NOT NULL,
    "transactionId" TEXT,
    "hash" TEXT,
    "producerHash" TEXT,
    "amountCentavos" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "externalOrderId" TEXT,
    "customer" JSONB,
    "brCode" TEXT,
    "qrImage" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "paidAmountCentavos" INTEGER,
    "refundedCentavos" INTEGER NOT NULL DEFAULT 0,
    "endToEndId" TEXT,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "idempotencyKey" TEXT,
    "checkCount" INTEGER NOT NULL DEFAULT 0,
    "lastCheckedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PixCharge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PixChargeAttempt" (
    "id" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "gatewayConfigId" TEXT NOT NULL,
    "gateway" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PixChargeAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PixRefund" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "gatewayRefundId" TEXT,
    "amountCentavos" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "failureMessage" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PixRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PixWebhookEvent" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "gatewayConfigId" TEXT NOT NULL,
    "gateway" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "contentType" TEXT,
    "outcome" TEXT NOT NULL,
    "matchedChargeId" TEXT,
    "matchedBy" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PixWebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditPackage_slug_currency_key" ON "CreditPackage"("slug", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "CreditPurchase_paymentIntentId_key" ON "CreditPurchase"("paymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditPurchase_chargeId_key" ON "CreditPurchase"("chargeId");

-- CreateIndex
CREATE INDEX "CreditPurchase_storeId_createdAt_idx" ON "CreditPurchase"("storeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CreditPurchase_storeId_idempotencyKey_key" ON "CreditPurchase"("storeId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_storeId_createdAt_idx" ON "CreditLedgerEntry"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_storeId_kind_idx" ON "CreditLedgerEntry"("storeId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedgerEntry_storeId_uniqueKey_key" ON "CreditLedgerEntry"("storeId", "uniqueKey");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedgerEntry_storeId_seq_key" ON "CreditLedgerEntry"("storeId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "PixGatewayConfig_endpointToken_key" ON "PixGatewayConfig"("endpointToken");

-- CreateIndex
CREATE INDEX "PixGatewayConfig_storeId_active_priority_idx" ON "PixGatewayConfig"("storeId", "active", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "PixCharge_reference_key" ON "PixCharge"("reference");

-- CreateIndex
CREATE INDEX "PixCharge_storeId_status_idx" ON "PixCharge"("storeId", "status");

-- CreateIndex
CREATE INDEX "PixCharge_storeId_createdAt_idx" ON "PixCharge"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "PixCharge_status_nextCheckAt_idx" ON "PixCharge"("status", "nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "PixCharge_storeId_idempotencyKey_key" ON "PixCharge"("storeId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "PixCharge_gatewayConfigId_transactionId_key" ON "PixCharge"("gatewayConfigId", "transactionId");

-- CreateIndex
CREATE INDEX "PixChargeAttempt_chargeId_idx" ON "PixChargeAttempt"("chargeId");

-- CreateIndex
CREATE INDEX "PixChargeAttempt_gatewayConfigId_idx" ON "PixChargeAttempt"("gatewayConfigId");

-- CreateIndex
CREATE UNIQUE INDEX "PixRefund_refundId_key" ON "PixRefund"("refundId");

-- CreateIndex
CREATE INDEX "PixRefund_chargeId_idx" ON "PixRefund"("chargeId");

-- CreateIndex
CREATE UNIQUE INDEX "PixRefund_storeId_idempotencyKey_key" ON "PixRefund"("storeId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "PixWebhookEvent_storeId_createdAt_idx" ON "PixWebhookEvent"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "PixWebhookEvent_gatewayConfigId_idx" ON "PixWebhookEvent"("gatewayConfigId");

-- AddForeignKey
ALTER TABLE "CreditPurchase" ADD CONSTRAINT "CreditPurchase_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditPurchase" ADD CONSTRAINT "CreditPurchase_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "CreditPackage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLedgerEntry" ADD CONSTRAINT "CreditLedgerEntry_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditBalance" ADD CONSTRAINT "CreditBalance_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixGatewayConfig" ADD CONSTRAINT "PixGatewayConfig_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixCharge" ADD CONSTRAINT "PixCharge_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixCharge" ADD CONSTRAINT "PixCharge_gatewayConfigId_fkey" FOREIGN KEY ("gatewayConfigId") REFERENCES "PixGatewayConfig"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixChargeAttempt" ADD CONSTRAINT "PixChargeAttempt_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "PixCharge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixChargeAttempt" ADD CONSTRAINT "PixChargeAttempt_gatewayConfigId_fkey" FOREIGN KEY ("gatewayConfigId") REFERENCES "PixGatewayConfig"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixRefund" ADD CONSTRAINT "PixRefund_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "PixCharge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
