-- CreateEnum
CREATE TYPE "StoreReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'SUSPENDED');

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "reviewStatus" "StoreReviewStatus" NOT NULL DEFAULT 'APPROVED',
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;
