// Endpoint signing secrets at rest: AES-GCM bound to the endpoint row, decrypted only to sign.
import "server-only";
import { decryptJson, encryptJson } from "@/lib/crypto/encryption";

const context = (endpointId: string) => `callback:${endpointId}`;

export function sealSecret(endpointId: string, secret: string): string {
  return encryptJson(secret, { context: context(endpointId) });
}

export function openSecret(endpointId: string, sealed: string): string {
  return decryptJson<string>(sealed, { context: context(endpointId) });
}

type SealedSecrets = {
  id: string;
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretExpiresAt: Date | null;
};

/** The secrets that sign right now: the current one, plus the previous one until its overlap ends. */
export function activeSecrets(endpoint: SealedSecrets, now: Date = new Date()): string[] {
  const secrets = [openSecret(endpoint.id, endpoint.secretEnc)];
  if (endpoint.previousSecretEnc && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now)
    secrets.push(openSecret(endpoint.id, endpoint.previousSecretEnc));
  return secrets;
}
