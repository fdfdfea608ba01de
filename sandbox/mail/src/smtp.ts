// The SMTP side: accepts any message from this machine (no TLS; AUTH accepted with any
// credentials so a URL with user:pass works too), parses it with mailparser and hands it to the store.
import { randomBytes } from "node:crypto";
import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import type { CaughtMail, MailStore } from "./store";

/** A reply the catcher gives instead of accepting, to test a sender's retries (4xx) and give-ups (5xx). */
export type SmtpFailure = { code: number; message: string };

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

function smtpError(failure: SmtpFailure): Error {
  const err = new Error(failure.message) as Error & { responseCode: number };
  err.responseCode = failure.code;
  return err;
}

function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => (v.name ? `${v.name} <${v.address ?? ""}>` : (v.address ?? ""))));
}

function headerText(value: HeaderValue): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  if (value && typeof value === "object" && "text" in value) return String((value as { text: string }).text);
  if (value && typeof value === "object" && "value" in value) return String((value as { value: string }).value);
  return JSON.stringify(value);
}

export function toCaught(parsed: ParsedMail, raw: Buffer, envelope: CaughtMail["envelope"]): CaughtMail {
  const headers: Record<string, string> = {};
  for (const [name, value] of parsed.headers) headers[name] = headerText(value);
  return {
    id: `m_${Date.now().toString(36)}${randomBytes(4).toString("hex")}`,
    receivedAt: new Date().toISOString(),
    envelope,
    from: addresses(parsed.from)[0] ?? envelope.from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? "",
    messageId: parsed.messageId ?? null,
    date: parsed.date ? parsed.date.toISOString() : null,
    headers,
    text: parsed.text ?? null,
    html: typeof parsed.html === "string" ? parsed.html : null,
    attachments: parsed.attachments.map((a, i) => ({
      filename: a.filename ?? `attachment-${i + 1}`,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
    })),
    raw,
  };
}

export function createSmtpServer(opts: {
  store: MailStore;
  failure: () => SmtpFailure | null;
  log: (line: string) => void;
}): SMTPServer {
  return new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE_BYTES,
    banner: "Vitrine mail catcher (nothing is delivered)",
    logger: false,
    // Tests stop and restart the catcher on one port: do not wait long for idle clients.
    closeTimeout: 200,
    onConnect(session, callback) {
      if (!isLoopback(session.remoteAddress))
        return callback(new Error("The mail catcher accepts local clients only."));
      callback();
    },
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onRcptTo(_address: SMTPServerAddress, _session, callback) {
      const failure = opts.failure();
      callback(failure ? smtpError(failure) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError({ code: 552, message: "Message too large." }));
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        simpleParser(raw)
          .then((parsed) => {
            const mail = toCaught(parsed, raw, envelope);
            opts.store.add(mail);
            opts.log(`[mail-catcher] ${envelope.to.join(", ")}: ${mail.subject}`);
            callback();
          })
          .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
      });
    },
  });
}
