// tsx sandbox/mail/cli.ts serve [--file <path>] | list | show <id> | clear
// SMTP on MAIL_CATCHER_PORT (default 12130), the page on the next port.
import { DEFAULT_SMTP_PORT, startMailCatcher } from "./index";

const smtpPort = Number(process.env.MAIL_CATCHER_PORT ?? DEFAULT_SMTP_PORT);
const base = `http://127.0.0.1:${smtpPort + 1}`;

async function call(method: string, path: string): Promise<unknown> {
  const res = await fetch(base + path, { method });
  const data: unknown = await res.json();
  if (!res.ok) throw new Error((data as { error?: string }).error ?? `HTTP ${res.status}`);
  return data;
}

function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: string[]) {
  const [command, id] = argv;
  switch (command) {
    case "serve": {
      const catcher = await startMailCatcher({ smtpPort, file: flag(argv, "--file") ?? null });
      console.log(`[mail-catcher] open ${catcher.url}/ to read caught mail; SMTP_URL=${catcher.smtpUrl}`);
      const stop = () => void catcher.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      return;
    }
    case "list": {
      const mail = (await call("GET", "/_mail/messages")) as Array<{
        id: string;
        receivedAt: string;
        to: string[];
        subject: string;
      }>;
      if (!mail.length) console.log("no mail");
      for (const m of mail)
        console.log([m.id.padEnd(20), m.receivedAt.slice(0, 19), m.to.join(", "), m.subject].join("  "));
      return;
    }
    case "show": {
      if (!id) throw new Error("usage: show <id>");
      const m = (await call("GET", `/_mail/messages/${encodeURIComponent(id)}`)) as {
        from: string;
        to: string[];
        subject: string;
        text: string | null;
        attachments: Array<{ filename: string; size: number }>;
      };
      console.log(`From: ${m.from}\nTo: ${m.to.join(", ")}\nSubject: ${m.subject}\n`);
      console.log(m.text ?? "(no plain-text part)");
      for (const a of m.attachments) console.log(`\n📎 ${a.filename} (${a.size} bytes)`);
      return;
    }
    case "clear": {
      const { deleted } = (await call("DELETE", "/_mail/messages")) as { deleted: number };
      console.log(`deleted ${deleted}`);
      return;
    }
    default:
      console.log("usage: tsx sandbox/mail/cli.ts serve [--file <path>] | list | show <id> | clear");
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
