// `npm run drill -- <name>`: reliability drills against a throwaway local PostgreSQL, loopback
// only, each bounded and ending with a one-line figure; exit 1 when something was lost or doubled.
// With no name, lists the drills. See docs/operations.md "Drills".
const DRILLS: Record<string, { about: string; run: () => Promise<unknown> }> = {
  duplicates: {
    about: "10,000 signed Stripe events (30 % duplicates, 64 concurrent) over two instances → each applied once",
    run: async () => (await import("./drills/duplicates")).duplicatesDrill(),
  },
  crash: {
    about: "kill -9 one instance mid-burst, restart it, run the recovery sync → 0 lost, 0 doubled",
    run: async () => (await import("./drills/crash")).crashDrill(),
  },
  "store-outage": {
    about: "the store's receiver down for an hour of emulated time, then back → every callback delivered once",
    run: async () => (await import("./drills/store-outage")).storeOutageDrill(),
  },
  "pix-replay": {
    about: "the PIX simulator's status webhooks repeated and reordered across stores → each charge paid once",
    run: async () => (await import("./drills/pix-replay")).pixReplayDrill(),
  },
};

const requested = process.argv[2];
if (!requested || !DRILLS[requested]) {
  if (requested) console.error(`unknown drill "${requested}"`);
  console.log(
    "npm run drill -- <name>   (env: DRILL_EVENTS, DRILL_DATABASE_URL, DRILL_NEXT_DIST_DIR, DRILL_PORT_BASE)",
  );
  for (const [n, d] of Object.entries(DRILLS)) console.log(`  ${n.padEnd(13)} ${d.about}`);
  process.exit(requested ? 2 : 0);
}
DRILLS[requested].run().catch(async (err) => {
  console.error(`drill ${requested}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  const { finish } = await import("./drills/harness");
  await finish(1);
});
