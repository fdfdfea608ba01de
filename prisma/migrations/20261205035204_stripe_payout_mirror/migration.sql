-- CreateTable
CREATE TABLE "StripePayout" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "payoutId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "automatic" BOOLEAN NOT NULL,
    "arrivalDate" TIMESTAMP(3) NOT NULL,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "payoutCreatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripePayout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StripePayout_payoutId_key" ON "StripePayout"("payoutId");

-- CreateIndex
CREATE INDEX "StripePayout_storeId_status_updatedAt_idx" ON "StripePayout"("storeId", "status", "updatedAt");
