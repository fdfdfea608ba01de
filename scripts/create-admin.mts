// `npm run admin:create -- --email ops@example.com --name "Ops" [--reset-password]`: the first admin
// of an install (production has no demo accounts). The password is typed at a prompt (not echoed)
// or piped on stdin (`printf '%s\n' "$PASSWORD" | npm run admin:create -- --email …`), never taken
// from the command line, where shell history and `ps` would keep it. Re-running for an existing
// admin changes nothing unless --reset-password is given. Audited like every other account change.
import { parseArgs } from "node:util";
import { loadEnvFiles } from "@/lib/env/load";

loadEnvFiles();

function fail(message: string): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(1);
}

if (process.argv.slice(2).some((a) => /^--?(password|pass|pw)(=|$)/i.test(a)))
  fail(
    "a password is never taken from the command line (shell history and `ps` would keep it). Type it at the prompt, or pipe it on stdin.",
  );

let values: { email?: string; name?: string; "reset-password"?: boolean };
try {
  ({ values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, "reset-password": { type: "boolean" } },
    strict: true,
  }));
} catch (err) {
  fail(
    `${(err as Error).message}\nusage: npm run admin:create -- --email <email> [--name "<name>"] [--reset-password]`,
  );
}
if (!values.email)
  fail('--email is required (usage: npm run admin:create -- --email <email> [--name "<name>"] [--reset-password])');

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (after: () => void) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      after();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish(() => resolve(value));
        if (ch === "\u0003" || ch === "\u0004") return finish(() => reject(new Error("cancelled")));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The first line of stdin (a pipe or a file). */
async function readStdinLine(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0] ?? "";
}

async function readPassword(): Promise<string> {
  const { PasswordSchema } = await import("@/lib/auth/password");
  const check = (p: string) => {
    const result = PasswordSchema.safeParse(p);
    return result.success ? null : result.error.issues.map((i) => i.message).join(" ");
  };
  if (!process.stdin.isTTY) {
    const password = await readStdinLine();
    const problem = check(password);
    if (problem) fail(`password refused: ${problem}`);
    return password;
  }
  for (;;) {
    const password = await promptHidden("Password (at least 10 characters, a letter and a digit): ");
    const problem = check(password);
    if (problem) {
      process.stderr.write(`${problem}\n`);
      continue;
    }
    if ((await promptHidden("Repeat the password: ")) === password) return password;
    process.stderr.write("The passwords differ; try again.\n");
  }
}

const { adminNeedsPassword, createAdmin, CreateAdminInput } = await import("@/lib/admin/create-admin");
const { getDatabase } = await import("@/lib/db/client");
const parsed = CreateAdminInput.safeParse({
  email: values.email,
  name: values.name ?? values.email.split("@")[0],
  resetPassword: values["reset-password"] ?? false,
});
if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
const input = parsed.data;
const db = getDatabase();
try {
  await db.ready;
  const password = (await adminNeedsPassword(input)) ? await readPassword() : null;
  const result = await createAdmin(input, password, {
    actor: { type: "system", id: "admin:create" },
    requestId: "cli:admin-create",
  });
  const messages = {
    created: `created admin ${input.email}; sign in at /sign-in`,
    password_reset: `reset the password of admin ${input.email} (their sessions are signed out)`,
    unchanged: `admin ${input.email} already exists; nothing changed (add --reset-password to set a new password)`,
    not_an_admin: `${input.email} is an existing ${"role" in result ? result.role.toLowerCase() : ""} account; it is not promoted. Use another email.`,
  } as const;
  if (result.outcome === "not_an_admin") fail(messages.not_an_admin);
  process.stdout.write(`admin:create: ${messages[result.outcome]}\n`);
} catch (err) {
  if (err instanceof Error && err.message === "cancelled") fail("cancelled");
  throw err;
} finally {
  await db.prisma.$disconnect();
  await db.pglite?.close();
}
process.exit(0);
