-- CreateIndex
CREATE INDEX "CallbackDelivery_endpointId_status_nextAttemptAt_idx" ON "CallbackDelivery"("endpointId", "status", "nextAttemptAt");
