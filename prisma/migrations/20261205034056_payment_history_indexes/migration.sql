-- CreateIndex
CREATE INDEX "Order_storeId_createdAt_id_idx" ON "Order"("storeId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Order_storeId_status_createdAt_id_idx" ON "Order"("storeId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Order_storeId_customerEmail_idx" ON "Order"("storeId", "customerEmail");

-- CreateIndex
CREATE INDEX "PixCharge_storeId_createdAt_id_idx" ON "PixCharge"("storeId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PixCharge_storeId_status_createdAt_id_idx" ON "PixCharge"("storeId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PixCharge_storeId_externalOrderId_idx" ON "PixCharge"("storeId", "externalOrderId");
