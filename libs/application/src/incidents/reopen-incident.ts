import { Inject, Injectable } from '@nestjs/common';
import { raise } from '../../../domain/src/failures.js';
import { APPROVER_ROLES } from '../../../domain/src/roles.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { IncidentQueries } from './incident-queries.js';
import { incidentWorkflowInput } from './incident-workflow-input.js';
import type { IncidentView } from './incident-view.js';

/** A reason a later reader understands on its own. */
export const MIN_REOPEN_REASON_LENGTH = 20;

/**
 * Reopens a closed incident (an approver or the DPO, with a reason), so its facts may change
 * again. Closing ended the incident's workflow; reopening starts a new run of it under the same
 * id, continuing from what the closed run knew: owed tracks stay owed with their status, and the
 * track workflows already started are never started again. The workflow runs before the case
 * file says "open", so a facts change is never accepted without a workflow to take it.
 */
@Injectable()
export class ReopenIncident {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(IncidentQueries) private readonly queries: IncidentQueries,
  ) {}

  async execute(caller: Caller, id: string, reason: string): Promise<IncidentView> {
    if (!APPROVER_ROLES.includes(caller.role)) raise('forbidden', `reopening needs one of the roles ${APPROVER_ROLES.join(', ')}`);
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REOPEN_REASON_LENGTH) raise('unprocessable', `say why it is reopened, in at least ${MIN_REOPEN_REASON_LENGTH} characters`, 'reason');
    const incident = await this.queries.owned(caller, id);
    if (incident.status !== 'closed') raise('conflict', 'the incident is open: only a closed incident can be reopened');
    await this.workflows.resumeClosed(incident.workflowId, incident.reference, await incidentWorkflowInput(this.caseFile.read, incident));
    await this.caseFile.transaction(async (repositories) => {
      const current = await repositories.incidents.get(id, { lock: true });
      if (current.status !== 'closed') return; // reopened by a request at the same moment
      await repositories.incidents.reopen(id);
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: id, actor: caller.id, action: 'incident.reopened', detail: { reason: trimmed } });
    });
    return this.queries.view(await this.caseFile.read.incidents.get(id));
  }
}
