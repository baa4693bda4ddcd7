import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../domain/src/canonical-json.js';
import { InvalidInputError, raise } from '../../../domain/src/failures.js';
import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import { validateNewIncident } from '../../../domain/src/incident/validate-incident-facts.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import { riskPictureOf } from '../../../persistence/src/risk/load-risk-picture.js';
import { incidentWorkflowId } from '../../../../workflows/messages.js';
import type { Caller } from '../caller.js';
import { assessFactsVersion } from '../risk/assess-facts-version.js';
import { IncidentQueries } from './incident-queries.js';
import type { IncidentView } from './incident-view.js';
import { WorkflowOutboxRelay } from './workflow-outbox-relay.js';

const UNIQUE_VIOLATION = '23505';

/**
 * Opens an incident: stores it with its first facts version (assessed in the same transaction)
 * and, in that transaction, the workflow start it owes (the outbox); then delivers the start. When
 * Temporal cannot take it now, the incident is still created (201, `workflowPending`) and the
 * outbox relay starts the workflow as soon as Temporal is back. With an Idempotency-Key, a retry
 * creates nothing twice.
 */
@Injectable()
export class OpenIncident {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(WorkflowOutboxRelay) private readonly relay: WorkflowOutboxRelay,
    @Inject(IncidentQueries) private readonly queries: IncidentQueries,
  ) {}

  async execute(caller: Caller, body: unknown, idempotencyKey?: string): Promise<{ view: IncidentView; replayed: boolean }> {
    const validation = validateNewIncident(body, new Date());
    if (!validation.ok) throw new InvalidInputError(validation.errors);
    const facts = validation.value;
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');

    if (idempotencyKey) {
      const replay = await this.replay(caller, idempotencyKey, requestHash);
      if (replay) return { view: replay, replayed: true };
    }

    let created: Awaited<ReturnType<OpenIncident['insert']>>;
    try {
      created = await this.caseFile.transaction((repositories) => this.insert(repositories, caller, facts, idempotencyKey, requestHash));
    } catch (error) {
      // Two requests with the same key raced; the loser answers with the winner's incident.
      if (idempotencyKey && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        const replay = await this.replay(caller, idempotencyKey, requestHash);
        if (replay) return { view: replay, replayed: true };
      }
      throw error;
    }
    const { incident, risk } = created;
    await this.relay.deliverFor(incident.id);
    return { view: await this.queries.view(incident, { facts, risk }), replayed: false };
  }

  private async insert(repositories: Repositories, caller: Caller, facts: IncidentFacts, idempotencyKey: string | undefined, requestHash: string) {
    const id = randomUUID();
    const reference = await repositories.incidents.nextReference(caller.organisationId, new Date(facts.awareAt));
    const incident = await repositories.incidents.insert({
      id,
      organisationId: caller.organisationId,
      reference,
      title: facts.title,
      status: 'open',
      awareAt: new Date(facts.awareAt),
      currentFactsVersion: 1,
      workflowId: incidentWorkflowId(id),
      createdBy: caller.id,
    });
    await repositories.facts.insert({ incidentId: id, version: 1, facts, changeReason: null, recordedBy: caller.id });
    const assessment = await assessFactsVersion(repositories, caller.organisationId, id, 1, facts);
    if (idempotencyKey) await repositories.incidents.rememberIdempotencyKey({ organisationId: caller.organisationId, key: idempotencyKey, requestHash, incidentId: id });
    await repositories.audit.append({ organisationId: caller.organisationId, incidentId: id, actor: caller.id, action: 'incident.created', detail: { reference, factsVersion: 1 } });
    // The workflow's start is owed from this commit on, whatever happens to this process next.
    await repositories.outbox.enqueue(id, 'start', 1);
    return { incident, risk: assessment ? riskPictureOf(assessment) : null };
  }

  private async replay(caller: Caller, key: string, requestHash: string): Promise<IncidentView | undefined> {
    const record = await this.caseFile.read.incidents.idempotencyKey(caller.organisationId, key);
    if (!record) return undefined;
    if (record.requestHash !== requestHash) raise('unprocessable', 'this Idempotency-Key was already used with a different request body', 'Idempotency-Key');
    const incident = await this.caseFile.read.incidents.get(record.incidentId);
    await this.relay.deliverFor(incident.id);
    return this.queries.view(incident);
  }
}
