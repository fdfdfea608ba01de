// Idempotent seed. Everywhere: the platform plans and credit packages (reference data an admin
// edits). Outside production only: the demo — an admin, two sellers each with a store, demo
// products and PIX through the simulator. Production gets no demo account; its first admin comes
// from `npm run admin:create`. Run with `npm run db:seed`; running it again changes nothing.
import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { loadEnvFiles } from "@/lib/env/load";
import { hashPassword } from "@/lib/auth/password";
import { appendAudit } from "@/lib/audit/log";
import { DEFAULT_PACKAGES } from "@/lib/credits/packages";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { seedDemoPix } from "@/lib/pix/service/demo-seed";
import { withSeedPixSimulator } from "@/sandbox/pix/seed-support";
import { SIMULATOR_CREDENTIALS } from "@/sandbox/pix/src/state";

export const DEMO_USERS = {
  admin: { email: "admin@vitrine.local", password: "admin12345!", name: "Vitrine Admin" },
  ana: {
    email: "ana@vitrine.local",
    password: "demo12345!",
    name: "Ana Souza",
    store: { name: "Ateliê da Ana", slug: "atelie-da-ana", storeDomain: "http://localhost:4100", currency: "BRL" },
  },
  bruno: {
    email: "bruno@vitrine.local",
    password: "demo12345!",
    name: "Bruno Lima",
    store: { name: "Bruno Coffee Co.", slug: "bruno-coffee", storeDomain: null, currency: "USD" },
  },
} as const;

const PRODUCTS: Record<
  "ana" | "bruno",
  Array<{
    name: string;
    description: string;
    unitAmount: number;
    currency: string;
    recurring?: { interval: "MONTH" | "YEAR"; trialDays?: number };
  }>
> = {
  ana: [
    { name: "Caneca de cerâmica", description: "Feita à mão, 350 ml.", unitAmount: 8990, currency: "BRL" },
    { name: "Kit de bordado", description: "Tecido, linhas e bastidor.", unitAmount: 12900, currency: "BRL" },
    {
      name: "Clube do bordado",
      description: "Um kit novo por mês.",
      unitAmount: 4990,
      currency: "BRL",
      recurring: { interval: "MONTH", trialDays: 7 },
    },
  ],
  bruno: [
    {
      name: "Single-origin beans 250 g",
      description: "Washed Ethiopian, light roast.",
      unitAmount: 1800,
      currency: "USD",
    },
    {
      name: "Coffee subscription",
      description: "Fresh beans every month.",
      unitAmount: 2500,
      currency: "USD",
      recurring: { interval: "MONTH" },
    },
  ],
};

const SYSTEM = { actor: { type: "system" as const, id: "seed" }, requestId: "seed" };

async function upsertUser(
  prisma: ReturnType<typeof getDatabase>["prisma"],
  u: { email: string; password: string; name: string },
  role: "ADMIN" | "SELLER",
) {
  const existing = await prisma.user.findUnique({ where: { email: u.email } });
  if (existing) return existing;
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: u.email, name: u.name, role, passwordHash: await hashPassword(u.password) },
    });
    await appendAudit(tx, SYSTEM, {
      action: "user.seeded",
      target: { type: "user", id: user.id },
      after: { email: user.email, role },
    });
    return user;
  });
}

export async function seed() {
  const db = getDatabase();
  await db.ready;
  const { prisma } = db;
  // The plan catalog (lib/billing/catalog.ts), written over older rows so a demo database converges.
  await syncPlanCatalog(prisma);
  // Credit packages by (slug, currency); packages an admin edited are left as they are.
  await prisma.creditPackage.createMany({ data: DEFAULT_PACKAGES.map((p) => ({ ...p })), skipDuplicates: true });
  const demo = env().APP_ENV !== "production";
  if (demo) await seedDemo(prisma);
  return {
    demo,
    users: await prisma.user.count(),
    stores: await prisma.store.count(),
    products: await prisma.product.count(),
    plans: await prisma.platformPlan.count(),
  };
}

/** The demo accounts, stores and products (never in production). */
async function seedDemo(prisma: ReturnType<typeof getDatabase>["prisma"]) {
  await upsertUser(prisma, DEMO_USERS.admin, "ADMIN");
  for (const key of ["ana", "bruno"] as const) {
    const spec = DEMO_USERS[key];
    const user = await upsertUser(prisma, spec, "SELLER");
    const store =
      (await prisma.store.findUnique({ where: { slug: spec.store.slug } })) ??
      (await prisma.store.create({ data: { ownerId: user.id, ...spec.store } }));
    // Buyers land on Vitrine's receipt: nothing runs at the demo website. A data dir migrated from
    // before the after-payment setting had them sent there; put it back.
    if (store.afterPayment === "redirect" && store.afterPaymentSuccessUrl?.startsWith("http://localhost:4100"))
      await prisma.store.update({
        where: { id: store.id },
        data: { afterPayment: "receipt", afterPaymentSuccessUrl: null, afterPaymentCancelUrl: null },
      });
    for (const p of PRODUCTS[key]) {
      if (await prisma.product.findFirst({ where: { storeId: store.id, name: p.name } })) continue;
      await prisma.product.create({
        data: {
          storeId: store.id,
          name: p.name,
          description: p.description,
          prices: {
            create: {
              storeId: store.id,
              unitAmount: p.unitAmount,
              currency: p.currency,
              type: p.recurring ? "RECURRING" : "ONE_TIME",
              interval: p.recurring?.interval,
              trialDays: p.recurring?.trialDays,
            },
          },
        },
      });
    }
  }
  // The demo seller takes PIX through the local simulator.
  const ana = await prisma.store.findUniqueOrThrow({ where: { slug: DEMO_USERS.ana.store.slug } });
  // Verified against a short-lived simulator: a PIX config takes charges only after verification.
  await withSeedPixSimulator(() =>
    seedDemoPix(ana.id, SYSTEM, {
      pushinpay: SIMULATOR_CREDENTIALS.pushinpay,
      directKey: { pix_key: DEMO_USERS.ana.email, merchant_name: DEMO_USERS.ana.name, merchant_city: "Sao Paulo" },
    }),
  );
}

if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  loadEnvFiles();
  seed()
    .then(({ demo, ...counts }) => {
      console.log(
        demo
          ? `Seeded demo data: ${JSON.stringify(counts)}`
          : `Seeded plans and credit packages (production: no demo data): ${JSON.stringify(counts)}`,
      );
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
