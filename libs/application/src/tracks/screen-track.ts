import { Inject, Injectable } from '@nestjs/common';
import { raise, RefusalError } from '../../../domain/src/failures.js';
import { isTrackKind, SCREENED_TRACKS } from '../../../domain/src/tracks/catalogue.js';
import { refuseUnfitForScreening, type ScreeningAnswers } from '../../../domain/src/tracks/screening.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { recordScreeningUpdate } from '../../../../workflows/messages.js';
import { designatedActorOf, type Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import type { IncidentView } from '../incidents/incident-view.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';

export interface ScreenTrackRequest {
  applies: boolean;
  reason: string;
  answers: ScreeningAnswers;
}

/**
 * A person screens a track that only a decision makes owed (Lex Maria, NIS2): the incident's
 * workflow judges the decision (who may decide, the answers, the reason) and, screened in, starts
 * the track's own workflow with its clocks.
 */
@Injectable()
export class ScreenTrack {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  async execute(caller: Caller, incidentId: string, track: string, request: ScreenTrackRequest): Promise<IncidentView> {
    if (!isTrackKind(track) || !SCREENED_TRACKS.includes(track)) raise('not-found', `${track} is not decided by screening: one of ${SCREENED_TRACKS.join(', ')}`);
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    const facts = await this.caseFile.read.facts.facts(incident.id, incident.currentFactsVersion);
    const unfit = refuseUnfitForScreening(track, facts);
    if (unfit) throw new RefusalError(unfit);
    const actor = await designatedActorOf(this.caseFile, caller);
    await this.workflows.incidentStep(incident.workflowId, recordScreeningUpdate, { track, ...request, actor });
    return this.incidents.get(caller, incidentId);
  }
}
