-- AlterTable
ALTER TABLE "CallbackEndpoint" ADD COLUMN     "failingSince" TIMESTAMP(3);
