-- AlterTable
ALTER TABLE "PixGatewayConfig" ADD COLUMN     "lastErrorCode" TEXT;
