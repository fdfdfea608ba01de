/** Disputes: opened by the 0259 test card or the control endpoint, answered with evidence, closed. */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { diff, emit } from "../events";
import { disputeObject } from "../factories/dispute";
import type { Rec } from "../store";

export function openDispute(ctx: Ctx, charge: Rec<"charge">, reason = "fraudulent"): Rec<"dispute"> {
  if (charge.obj.disputed)
    throw invalidRequest(`Charge ${charge.id} has already been disputed.`, { code: "charge_disputed" });
  if (charge.obj.status !== "succeeded")
    throw invalidRequest(`Only succeeded charges can be disputed (charge ${charge.id} is ${charge.obj.status}).`);
  const dispute = ctx.app.store.insert(
    "dispute",
    charge.scope,
    disputeObject(charge.obj, reason, ctx.app.clock.now()),
    {},
  );
  charge.obj.disputed = true;
  emit({ ...ctx, scope: charge.scope }, "charge.dispute.created", dispute.obj);
  return dispute;
}

export type EvidenceUpdate = Partial<Record<keyof Stripe.Dispute.Evidence, string>>;

export function updateDispute(
  ctx: Ctx,
  d: Rec<"dispute">,
  evidence: EvidenceUpdate | undefined,
  submit: boolean,
  metadata?: Record<string, string>,
): void {
  assertOpen(d);
  const before = structuredClone(d.obj);
  if (evidence) {
    const cleared = Object.fromEntries(Object.entries(evidence).map(([k, v]) => [k, v || null]));
    Object.assign(d.obj.evidence, cleared);
    d.obj.evidence_details.has_evidence = true;
  }
  if (metadata) d.obj.metadata = metadata;
  if (submit) {
    d.obj.status = "under_review";
    d.obj.evidence_details.submission_count += 1;
    d.obj.evidence_details.submission_method = "manual";
  }
  emit(ctx, "charge.dispute.updated", d.obj, diff(before, d.obj));
}

/** `lost` when the seller accepts the dispute (API close); `won`/`lost` from the control endpoint. */
export function closeDispute(ctx: Ctx, d: Rec<"dispute">, outcome: "won" | "lost"): void {
  assertOpen(d);
  const before = structuredClone(d.obj);
  d.obj.status = outcome;
  d.obj.is_charge_refundable = false;
  emit({ ...ctx, scope: d.scope }, "charge.dispute.closed", d.obj, diff(before, d.obj));
}

function assertOpen(d: Rec<"dispute">): void {
  if (d.obj.status === "won" || d.obj.status === "lost") {
    throw invalidRequest(`This dispute is already closed (status: ${d.obj.status}).`, {
      code: "dispute_already_closed",
    });
  }
}
