-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "afterPayment" TEXT NOT NULL DEFAULT 'receipt',
ADD COLUMN     "afterPaymentCancelUrl" TEXT,
ADD COLUMN     "afterPaymentSuccessUrl" TEXT,
ADD COLUMN     "country" TEXT NOT NULL DEFAULT 'BR';

-- CreateTable
CREATE TABLE "PortalLinkToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalLinkToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalLinkToken_tokenHash_key" ON "PortalLinkToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PortalLinkToken_orderId_createdAt_idx" ON "PortalLinkToken"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "PortalLinkToken_email_createdAt_idx" ON "PortalLinkToken"("email", "createdAt");

-- AddForeignKey
ALTER TABLE "PortalLinkToken" ADD CONSTRAINT "PortalLinkToken_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Stores that had a website were sending buyers to <site>/payments/success and /payments/cancel
-- implicitly: keep that behaviour for them, now as an explicit, visible setting.
UPDATE "Store"
SET "afterPayment" = 'redirect',
    "afterPaymentSuccessUrl" = "storeDomain" || '/payments/success',
    "afterPaymentCancelUrl" = "storeDomain" || '/payments/cancel'
WHERE "storeDomain" IS NOT NULL;
