-- CreateIndex
CREATE INDEX "Order_storeId_paidAt_idx" ON "Order"("storeId", "paidAt");

-- CreateIndex
CREATE INDEX "PaymentAdjustment_storeId_kind_createdAt_idx" ON "PaymentAdjustment"("storeId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "PixCharge_storeId_paidAt_idx" ON "PixCharge"("storeId", "paidAt");

-- CreateIndex
CREATE INDEX "PixRefund_storeId_updatedAt_idx" ON "PixRefund"("storeId", "updatedAt");
