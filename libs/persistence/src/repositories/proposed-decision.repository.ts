import { IsNull, type EntityManager } from 'typeorm';
import { ProposedDecision } from '../entities/proposed-decision.entity.js';

/** Decisions awaiting (or given) a second person's approval. */
export class ProposedDecisionRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(proposal: ProposedDecision): Promise<void> {
    await this.manager.insert(ProposedDecision, proposal);
  }

  find(id: string, incidentId: string, options: { lock?: boolean } = {}): Promise<ProposedDecision | null> {
    return this.manager.findOne(ProposedDecision, { where: { id, incidentId }, ...(options.lock && { lock: { mode: 'for_no_key_update' as const } }) });
  }

  /** Records the second person's decision once: false when someone decided it first. */
  async decide(id: string, decision: Pick<ProposedDecision, 'decision' | 'decidedBy' | 'decidedAt' | 'comment'>): Promise<boolean> {
    const result = await this.manager.update(ProposedDecision, { id, decision: IsNull() }, decision);
    return (result.affected ?? 0) > 0;
  }

  ofIncident(incidentId: string): Promise<ProposedDecision[]> {
    return this.manager.find(ProposedDecision, { where: { incidentId }, order: { proposedAt: 'ASC' } });
  }

  pendingOf(incidentId: string): Promise<ProposedDecision[]> {
    return this.manager.find(ProposedDecision, { where: { incidentId, decision: IsNull() }, order: { proposedAt: 'ASC' } });
  }
}
