-- Per-store audit chains (docs/operations.md "Audit chains"). The existing single chain is kept
-- exactly as written, as chain "legacy" (epoch 0): its rows keep their hashes, get seq = their
-- order by id, and its last entry becomes the legacy chain's head, which every anchor records.
-- New entries go to the chain of their store ("platform" when they have none).

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "chainKey" TEXT NOT NULL DEFAULT 'legacy',
ADD COLUMN "seq" BIGINT;

UPDATE "AuditLog" AS a SET "seq" = r.rn
FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM "AuditLog") AS r
WHERE a.id = r.id;

ALTER TABLE "AuditLog" ALTER COLUMN "chainKey" DROP DEFAULT,
ALTER COLUMN "seq" SET NOT NULL;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chainKey" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chainKey")
);

INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash")
SELECT 'legacy', "seq", "hash" FROM "AuditLog" WHERE "chainKey" = 'legacy' ORDER BY "seq" DESC LIMIT 1;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_chainKey_seq_key" ON "AuditLog"("chainKey", "seq");
