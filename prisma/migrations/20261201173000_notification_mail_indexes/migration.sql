-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_notificationId_idx" ON "OutboxEmail"("notificationId");

