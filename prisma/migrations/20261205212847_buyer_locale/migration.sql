-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "buyerLocale" TEXT;

-- AlterTable
ALTER TABLE "PixCharge" ADD COLUMN     "buyerLocale" TEXT;
