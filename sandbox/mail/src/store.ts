// What the catcher keeps: the newest messages in memory (a cap drops the oldest), optionally
// appended to a JSON-lines file so the demo's mail survives a restart.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type CaughtAttachment = {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
};

export type CaughtMail = {
  id: string;
  receivedAt: string;
  /** SMTP envelope: who the client said it sends as and to (Bcc recipients appear only here). */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  messageId: string | null;
  date: string | null;
  headers: Record<string, string>;
  text: string | null;
  html: string | null;
  attachments: CaughtAttachment[];
  /** The message as received (RFC 5322 source). */
  raw: Buffer;
};

/** A message without its bodies and bytes: what the list shows. */
export type MailSummary = Pick<CaughtMail, "id" | "receivedAt" | "from" | "to" | "subject"> & {
  size: number;
  attachments: Array<Omit<CaughtAttachment, "content">>;
};

/** The JSON form of a whole message (attachments described, their bytes at their own URL). */
export type MailJson = Omit<CaughtMail, "raw" | "attachments"> & {
  size: number;
  attachments: Array<Omit<CaughtAttachment, "content"> & { url: string }>;
};

type StoredLine = Omit<CaughtMail, "raw" | "attachments"> & {
  raw: string;
  attachments: Array<Omit<CaughtAttachment, "content"> & { content: string }>;
};

export class MailStore {
  private items: CaughtMail[] = [];
  private listeners = new Set<(mail: CaughtMail) => void>();

  constructor(
    private readonly cap: number,
    private readonly file: string | null,
  ) {
    if (file) this.load(file);
  }

  add(mail: CaughtMail): void {
    this.items.unshift(mail);
    if (this.items.length > this.cap) this.items.length = this.cap;
    if (this.file) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(this.file, `${JSON.stringify(toLine(mail))}\n`);
    }
    for (const listener of this.listeners) listener(mail);
  }

  /** Newest first. */
  list(): CaughtMail[] {
    return [...this.items];
  }

  get(id: string): CaughtMail | undefined {
    return this.items.find((m) => m.id === id);
  }

  remove(id: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((m) => m.id !== id);
    if (this.items.length !== before) this.rewrite();
    return this.items.length !== before;
  }

  clear(): number {
    const count = this.items.length;
    this.items = [];
    this.rewrite();
    return count;
  }

  onMail(listener: (mail: CaughtMail) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private rewrite(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const lines = [...this.items].reverse().map((m) => `${JSON.stringify(toLine(m))}\n`);
    writeFileSync(this.file, lines.join(""));
  }

  private load(file: string): void {
    if (!existsSync(file)) return;
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean).slice(-this.cap);
    for (const line of lines) {
      try {
        this.items.unshift(fromLine(JSON.parse(line) as StoredLine));
      } catch {
        // A torn last line (the process died mid-write) is skipped, not fatal.
      }
    }
  }
}

function toLine(mail: CaughtMail): StoredLine {
  return {
    ...mail,
    raw: mail.raw.toString("base64"),
    attachments: mail.attachments.map((a) => ({ ...a, content: a.content.toString("base64") })),
  };
}

function fromLine(line: StoredLine): CaughtMail {
  return {
    ...line,
    raw: Buffer.from(line.raw, "base64"),
    attachments: line.attachments.map((a) => ({ ...a, content: Buffer.from(a.content, "base64") })),
  };
}

export function summaryOf(mail: CaughtMail): MailSummary {
  return {
    id: mail.id,
    receivedAt: mail.receivedAt,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    size: mail.raw.length,
    attachments: mail.attachments.map(({ content: _content, ...a }) => a),
  };
}

export function jsonOf(mail: CaughtMail): MailJson {
  const { raw, attachments, ...rest } = mail;
  return {
    ...rest,
    size: raw.length,
    attachments: attachments.map(({ content: _content, ...a }, i) => ({
      ...a,
      url: `/_mail/messages/${mail.id}/attachments/${i}`,
    })),
  };
}
