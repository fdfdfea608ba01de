-- AlterTable
ALTER TABLE "PixCharge" ADD COLUMN     "lastGatewayReadAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PixGatewayConfig" ADD COLUMN     "split" JSONB;
