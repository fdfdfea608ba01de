import QRCode from "qrcode";

/** QR images for a BR Code. Medium error correction, as banks' apps read it best at small sizes. */
const OPTIONS = { errorCorrectionLevel: "M" as const, margin: 2 };

/** `data:image/png;base64,…` for an <img src>. */
export function brCodeToPngDataUrl(brCode: string, width = 320): Promise<string> {
  return QRCode.toDataURL(brCode, { ...OPTIONS, width, type: "image/png" });
}

/** A standalone `<svg …>` string (scales without blur; safe to inline, it contains no user text). */
export function brCodeToSvg(brCode: string, width = 320): Promise<string> {
  return QRCode.toString(brCode, { ...OPTIONS, width, type: "svg" });
}
