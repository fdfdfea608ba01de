-- AlterTable
ALTER TABLE "PixCharge" ADD COLUMN     "amountSubtotalCentavos" INTEGER,
ADD COLUMN     "discountCentavos" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "discountCode" TEXT,
ADD COLUMN     "priceId" TEXT,
ADD COLUMN     "quantity" INTEGER;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "maxQuantity" INTEGER NOT NULL DEFAULT 1;
