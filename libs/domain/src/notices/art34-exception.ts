import { refuse, type Refusal } from '../failures.js';
import type { Art34Exception } from '../risk/assessment.js';
import { ART34_EXCEPTION_TEXT } from '../risk/art34-exceptions.js';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../roles.js';
import { WRITTEN_REASON_MIN_LENGTH } from '../tracks/catalogue.js';
import type { Actor } from '../tracks/filing-track-commands.js';

export const ART34_GROUNDS = ['34(3)(a)', '34(3)(b)', '34(3)(c)'] as const satisfies readonly Art34Exception[];

export interface ExceptionProposal {
  ground: Art34Exception;
  reason: string;
}

/**
 * Proposing that the people need not be told (Art. 34(3)): a ground and a reason a supervisory
 * authority can weigh; "disproportionate effort" (c) only with an approved public notice in place
 * of the individual ones, which the ground itself requires.
 */
export function refuseExceptionProposal(proposal: ExceptionProposal, actor: Actor, approvedPublicNotice: boolean, pendingProposal: boolean): Refusal | undefined {
  if (!INCIDENT_EDITORS.includes(actor.role)) return refuse('forbidden', `proposing an Art. 34(3) exception is for ${INCIDENT_EDITORS.join(', ')}`);
  if (pendingProposal) return refuse('conflict', 'an exception is already proposed and awaits a decision');
  if (proposal.reason.trim().length < WRITTEN_REASON_MIN_LENGTH) return refuse('unprocessable', `reason must explain the ground in at least ${WRITTEN_REASON_MIN_LENGTH} characters`, 'reason');
  if (proposal.ground === '34(3)(c)' && !approvedPublicNotice) {
    return refuse('unprocessable', `${ART34_EXCEPTION_TEXT['34(3)(c)'].en}: approve a public notice first`, 'ground');
  }
  return undefined;
}

/** Deciding a proposal: an approver or the DPO other than the person who proposed it (four eyes). */
export function refuseExceptionDecision(proposedBy: string, decided: boolean, actor: Actor): Refusal | undefined {
  if (!APPROVER_ROLES.includes(actor.role)) return refuse('forbidden', `deciding an Art. 34(3) exception is for ${APPROVER_ROLES.join(', ')}`);
  if (decided) return refuse('conflict', 'the exception is already decided');
  if (proposedBy === actor.userId) return refuse('conflict', 'four-eyes rule: you proposed this exception, so another approver or the DPO must decide it');
  return undefined;
}

/** How the decision reads in the register and the workflow: the ground in the regulation's words, then the reason. */
export const exceptionReasonText = (ground: Art34Exception, reason: string): string => `Art. ${ground} (${ART34_EXCEPTION_TEXT[ground].en}): ${reason.trim()}`;
