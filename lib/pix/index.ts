/** Public surface of lib/pix for the integration (routes, jobs, UI server code). */
export { PixGatewayError, isPixGatewayError, PIX_ERROR_CODES, type PixErrorCode } from "./errors";
export {
  createGateway,
  listPixGateways,
  isPixGatewayId,
  getPixGatewayDefinition,
  type PixGatewayInfo,
} from "./registry";
export { maskCredentials, mergeCredentialUpdate, type CredentialField, type CredentialSpec } from "./credentials";
export {
  encryptJson,
  decryptJson,
  needsReencrypt,
  reencrypt,
  loadKeyring,
  CredentialKeyError,
  CredentialDecryptError,
} from "@/lib/crypto/encryption";
export { assertChargeAmount, reaisToCentavos, formatReais } from "./money";
export { mapPixStatus, PIX_STATUSES, isPixStatus, type PixStatus } from "./status";
export { newPixReference, isPixReference, isBcbTxid } from "./reference";
export {
  createStaticBrCode,
  createDynamicBrCode,
  parseBrCode,
  isValidBrCode,
  crc16,
  BrCodeError,
  type ParsedBrCode,
} from "./brcode";
export { brCodeToPngDataUrl, brCodeToSvg } from "./qr";
export { matchWebhook, type MatchCandidate, type MatchResult } from "./match";
export { transition, type TransitionDecision } from "./transition";
export { redactUrl } from "./http";
export type * from "./types";
