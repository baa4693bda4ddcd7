import type { Refusal } from '../failures.js';
import { refuseSecondApproval, type ProposedDecision, type SecondApprovalCommand } from '../review/second-approval.js';
import { APPROVER_ROLES } from '../roles.js';
import type { Actor } from '../tracks/filing-track-commands.js';
import { RISK_OUTCOMES, type RiskOutcome } from './assessment.js';

/**
 * An override that lowers the effective outcome can take away what the organisation owes (the
 * report to IMY, telling the people), so it waits for a second approver or the DPO; raising the
 * outcome only adds obligations and takes effect at once.
 */
export const overrideLowers = (current: RiskOutcome, proposed: RiskOutcome): boolean => RISK_OUTCOMES.indexOf(proposed) < RISK_OUTCOMES.indexOf(current);

/** Approving or rejecting a proposed lowering: an approver or the DPO other than the proposer. */
export const refuseLoweringDecision = (proposal: ProposedDecision, command: SecondApprovalCommand, actor: Actor): Refusal | undefined =>
  refuseSecondApproval(proposal, command, actor, APPROVER_ROLES, 'lowering of the risk outcome');
