-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "boletoExpiresAt" TIMESTAMP(3),
ADD COLUMN     "boletoNumber" TEXT,
ADD COLUMN     "boletoUrl" TEXT,
ADD COLUMN     "installmentsCount" INTEGER,
ADD COLUMN     "paymentMethodType" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "installmentsMaxCount" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "installmentsMinAmount" INTEGER NOT NULL DEFAULT 500;
