import { Inject, Injectable, Logger } from '@nestjs/common';
import { RefusalError } from '../../../domain/src/failures.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import type { OutboxEntry } from '../../../persistence/src/repositories/workflow-outbox.repository.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { incidentWorkflowInput, owedTrackSignals } from './incident-workflow-input.js';

/** Entries taken per round of the periodic relay. */
const ROUND = 100;

/**
 * Delivers the workflow outbox: starts an incident's workflow, tells it a new facts version or a
 * decided outcome — each from the case file as it is now, each idempotent (a fixed workflow id;
 * updates judged by facts version), so a repeat changes nothing. An entry stays until Temporal
 * accepts it; a request delivers its own entries at once, and a timer delivers whatever is left
 * (Temporal was down, the API died between commit and delivery).
 */
@Injectable()
export class WorkflowOutboxRelay {
  private readonly log = new Logger(WorkflowOutboxRelay.name);

  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
  ) {}

  /** The incident's pending entries, in order; false when one could not be delivered (it stays for the relay). */
  async deliverFor(incidentId: string): Promise<boolean> {
    for (;;) {
      const outcome = await this.caseFile.transaction(async (repositories) => {
        const [entry] = await repositories.outbox.pending(1, incidentId);
        return entry ? this.deliver(repositories, entry) : 'empty';
      });
      if (outcome === 'empty') return true;
      if (outcome === 'failed') return false;
    }
  }

  /** One round over every incident's pending entries; an incident whose entry fails waits for the next round. */
  async deliverPending(): Promise<{ delivered: number; failed: number }> {
    const tally = { delivered: 0, failed: 0 };
    const blocked = new Set<string>();
    await this.caseFile.transaction(async (repositories) => {
      for (const entry of await repositories.outbox.pending(ROUND)) {
        // Entries of one incident go in order: after a failure its later ones wait.
        if (blocked.has(entry.incidentId)) continue;
        if ((await this.deliver(repositories, entry)) === 'failed') {
          blocked.add(entry.incidentId);
          tally.failed += 1;
        } else tally.delivered += 1;
      }
    });
    return tally;
  }

  private async deliver(repositories: Repositories, entry: OutboxEntry): Promise<'delivered' | 'failed'> {
    const incident = await repositories.incidents.get(entry.incidentId);
    try {
      switch (entry.kind) {
        case 'start':
          await this.workflows.start(incident.workflowId, incident.reference, await incidentWorkflowInput(repositories, incident));
          break;
        case 'facts-version': {
          // A newer version has its own entry: this one is superseded. An older one the workflow already has is refused as stale.
          if (entry.factsVersion < incident.currentFactsVersion) break;
          const { role, outcome } = await owedTrackSignals(repositories, incident);
          await this.workflows.recordFactsVersion(incident.workflowId, { version: incident.currentFactsVersion, awareAt: incident.awareAt.toISOString(), role, outcome });
          break;
        }
        case 'risk-outcome': {
          if (entry.factsVersion < incident.currentFactsVersion) break;
          const picture = await repositories.risk.picture(incident.id, incident.currentFactsVersion);
          if (picture) await this.workflows.recordRiskOutcome(incident.workflowId, { factsVersion: incident.currentFactsVersion, outcome: picture.outcome });
          break;
        }
      }
    } catch (error) {
      // A workflow that has ended (a closed incident) has nothing more to be told.
      if (!(error instanceof RefusalError && error.refusal.kind === 'conflict' && incident.status === 'closed')) {
        await repositories.outbox.failed(entry.id, error instanceof RefusalError ? error.refusal.kind : (error as Error).name);
        if (entry.attempts === 0) this.log.warn(`workflow ${incident.workflowId}: ${entry.kind} not delivered yet (${(error as Error).message}); the outbox keeps it`);
        return 'failed';
      }
    }
    await repositories.outbox.delivered(entry.id);
    return 'delivered';
  }
}
