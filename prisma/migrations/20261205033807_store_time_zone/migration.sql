-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'America/Sao_Paulo';
