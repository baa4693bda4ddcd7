import { Inject, Injectable } from '@nestjs/common';
import { raise, RefusalError } from '../../../domain/src/failures.js';
import { registerGapLabel } from '../../../domain/src/register/register-csv.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { closeIncidentUpdate } from '../../../../workflows/messages.js';
import { actorOf, type Caller } from '../caller.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { RegisterEntries } from '../register/register-entries.js';
import { IncidentQueries } from './incident-queries.js';
import type { IncidentView } from './incident-view.js';

/** A refusal to close that lists what the register entry still lacks (as gap codes and in words). */
export class IncompleteRegisterEntryError extends RefusalError {
  constructor(readonly missing: readonly string[]) {
    super({ kind: 'conflict', message: `the register entry is incomplete: ${missing.map((gap) => registerGapLabel(gap, 'en')).join('; ')}` }, { missing });
  }
}

/** Closes the incident once its register entry is complete and every owed track is settled (the workflow judges the tracks). */
@Injectable()
export class CloseIncident {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(RegisterEntries) private readonly register: RegisterEntries,
    @Inject(IncidentQueries) private readonly queries: IncidentQueries,
  ) {}

  async execute(caller: Caller, id: string): Promise<IncidentView> {
    const incident = await this.queries.owned(caller, id);
    if (incident.status === 'closed') raise('conflict', 'the incident is already closed');
    const entry = await this.register.entry(incident);
    if (!entry.complete) throw new IncompleteRegisterEntryError(entry.missing);
    await this.workflows.incidentStep(incident.workflowId, closeIncidentUpdate, { actor: actorOf(caller) });
    return this.queries.view(await this.caseFile.read.incidents.get(id));
  }
}
