-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "customerId" TEXT;

-- AlterTable
ALTER TABLE "PixCharge" ADD COLUMN     "customerId" TEXT;

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "taxIdHash" TEXT,
    "taxIdMasked" TEXT,
    "phone" TEXT,
    "stripeCustomerId" TEXT,
    "paymentsCount" INTEGER NOT NULL DEFAULT 0,
    "firstPurchaseAt" TIMESTAMP(3) NOT NULL,
    "lastPurchaseAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerTotal" (
    "customerId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "paid" INTEGER NOT NULL,
    "refunded" INTEGER NOT NULL,
    "payments" INTEGER NOT NULL,

    CONSTRAINT "CustomerTotal_pkey" PRIMARY KEY ("customerId","currency")
);

-- CreateTable
CREATE TABLE "PixDispute" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "gateway" TEXT,
    "status" TEXT NOT NULL,
    "amountCentavos" INTEGER NOT NULL,
    "reason" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PixDispute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Customer_storeId_taxIdHash_idx" ON "Customer"("storeId", "taxIdHash");

-- CreateIndex
CREATE INDEX "Customer_storeId_lastPurchaseAt_id_idx" ON "Customer"("storeId", "lastPurchaseAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_storeId_email_key" ON "Customer"("storeId", "email");

-- CreateIndex
CREATE INDEX "PixDispute_storeId_status_idx" ON "PixDispute"("storeId", "status");

-- CreateIndex
CREATE INDEX "PixDispute_storeId_openedAt_idx" ON "PixDispute"("storeId", "openedAt");

-- CreateIndex
CREATE INDEX "PixDispute_chargeId_idx" ON "PixDispute"("chargeId");

-- CreateIndex
CREATE INDEX "Order_customerId_idx" ON "Order"("customerId");

-- CreateIndex
CREATE INDEX "PixCharge_customerId_idx" ON "PixCharge"("customerId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixCharge" ADD CONSTRAINT "PixCharge_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerTotal" ADD CONSTRAINT "CustomerTotal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixDispute" ADD CONSTRAINT "PixDispute_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "PixCharge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
