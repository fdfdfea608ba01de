// Key rotation: every PixGatewayConfig whose credentials were sealed under an older key is
// re-encrypted under the current primary key (ENCRYPTION_KEYS' first entry). Idempotent.
import "server-only";
import { prisma } from "@/lib/db/client";
import { needsReencrypt, reencrypt, type Keyring } from "@/lib/crypto/encryption";
import { credentialsContext, keyIdOf } from "./runtime";

export type ReencryptReport = {
  total: number;
  reencrypted: number;
  current: number;
  failed: Array<{ id: string; error: string }>;
};

export async function reencryptPixCredentials(
  options: { keyring?: Keyring; dryRun?: boolean } = {},
): Promise<ReencryptReport> {
  const rows = await prisma.pixGatewayConfig.findMany({
    select: { id: true, credentials: true },
    orderBy: { createdAt: "asc" },
  });
  const report: ReencryptReport = { total: rows.length, reencrypted: 0, current: 0, failed: [] };
  for (const row of rows) {
    try {
      if (!needsReencrypt(row.credentials, { keyring: options.keyring })) {
        report.current++;
        continue;
      }
      const sealed = reencrypt(row.credentials, { context: credentialsContext(row.id), keyring: options.keyring });
      if (!options.dryRun) {
        // Only replace the value we read: a concurrent edit wins and keeps its own (current-key) ciphertext.
        const { count } = await prisma.pixGatewayConfig.updateMany({
          where: { id: row.id, credentials: row.credentials },
          data: { credentials: sealed, credentialsKeyId: keyIdOf(sealed) },
        });
        if (count === 0) continue;
      }
      report.reencrypted++;
    } catch (err) {
      report.failed.push({ id: row.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}
