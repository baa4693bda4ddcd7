import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { raise, RefusalError } from '../../../domain/src/failures.js';
import { isTrackKind } from '../../../domain/src/tracks/catalogue.js';
import { refuseNotRequiredProposal } from '../../../domain/src/tracks/not-required-proposal.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { actorOf, type Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import type { IncidentView } from '../incidents/incident-view.js';
import { newProposal } from './new-proposal.js';

/**
 * One person proposes that an owed track needs no report, with the reason. Nothing changes for
 * the track: its clock keeps reminding until a second person approves (`DecideProposal`).
 */
@Injectable()
export class ProposeNotRequired {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  async execute(caller: Caller, incidentId: string, track: string, reason: string): Promise<IncidentView> {
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    const before = await this.incidents.view(incident);
    // Whether the track is owed, settled or filed is the workflows' to say; without them it cannot be judged.
    if (before.clocksSource !== 'workflow') raise('unavailable', 'the incident workflow does not answer: propose again in a moment');
    await this.caseFile.transaction(async (repositories) => {
      await repositories.incidents.findOwned(caller.organisationId, incident.id, { lock: true });
      const pending = (await repositories.proposedDecisions.pendingOf(incident.id)).flatMap((proposal) => (proposal.track !== null && isTrackKind(proposal.track) ? [proposal.track] : []));
      const picture = {
        owed: before.tracks.map((owed) => owed.kind),
        statuses: Object.fromEntries(before.tracks.map((owed) => [owed.kind, owed.status])),
        filed: before.tracks.filter((owed) => owed.filings.some((filing) => filing.status === 'filed')).map((owed) => owed.kind),
        pending,
      };
      const refusal = refuseNotRequiredProposal(picture, track, reason, actorOf(caller));
      if (refusal) throw new RefusalError(refusal);
      const id = randomUUID();
      await repositories.proposedDecisions.insert({
        id,
        incidentId: incident.id,
        subject: 'track-not-required',
        track,
        outcome: null,
        factsVersion: null,
        reason: reason.trim(),
        ...newProposal(caller.id),
      });
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: incident.id, actor: caller.id, action: 'track.not-required-proposed', detail: { proposalId: id, track } });
    });
    return this.incidents.get(caller, incident.id);
  }
}
