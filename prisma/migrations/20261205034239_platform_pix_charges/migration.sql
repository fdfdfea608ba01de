-- CreateTable
CREATE TABLE "PlatformPixCharge" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "gateway" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "transactionId" TEXT,
    "amountCentavos" INTEGER NOT NULL,
    "brCode" TEXT,
    "qrImage" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "paidAmountCentavos" INTEGER,
    "endToEndId" TEXT,
    "failureCode" TEXT,
    "checkCount" INTEGER NOT NULL DEFAULT 0,
    "lastCheckedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformPixCharge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformPixCharge_reference_key" ON "PlatformPixCharge"("reference");

-- CreateIndex
CREATE INDEX "PlatformPixCharge_status_nextCheckAt_idx" ON "PlatformPixCharge"("status", "nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformPixCharge_invoiceId_attempt_key" ON "PlatformPixCharge"("invoiceId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformPixCharge_gateway_transactionId_key" ON "PlatformPixCharge"("gateway", "transactionId");

-- AddForeignKey
ALTER TABLE "PlatformPixCharge" ADD CONSTRAINT "PlatformPixCharge_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
