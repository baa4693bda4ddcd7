/**
 * What every two-person proposal (a track not required, a lowered outcome, an Art. 34(3)
 * exception) starts as: who proposed it and when, and nothing decided yet.
 */
export function newProposal(proposedBy: string, proposedAt = new Date()) {
  return { proposedBy, proposedAt, decidedBy: null, decidedAt: null, decision: null, comment: null };
}
