import type { IncidentView, TrackView } from '../../api/response-bodies.js';
import { TRACK_CATALOGUE, isFilingTrack, type Role } from '../../rules/domain.js';

/** Something a person with this role can do next on an incident, most pressing first. */
export interface NextStep {
  kind: 'draft' | 'finish-draft' | 'approve' | 'record';
  incident: IncidentView;
  track: TrackView;
  filingId?: string;
  deadline: string | null;
}

const SETTLED = new Set(['filed', 'complete', 'not-required']);

/**
 * What waits for this role on these incidents, by the catalogue's roles per step: reports to
 * draft, drafts to finish, reports to approve (the caller still must not be the one who rendered
 * them; the filing page checks), approved reports to record as sent.
 */
export function nextStepsFor(role: Role, incidents: readonly IncidentView[]): NextStep[] {
  const steps: NextStep[] = [];
  for (const incident of incidents) {
    for (const track of incident.tracks) {
      if (!isFilingTrack(track.kind) || SETTLED.has(track.status)) continue;
      const roles = TRACK_CATALOGUE[track.kind].roles;
      const base = { incident, track, deadline: track.deadline };
      if (track.filings.length === 0 && roles.draft.includes(role)) steps.push({ ...base, kind: 'draft' });
      for (const filing of track.filings) {
        if (filing.status === 'draft' && roles.draft.includes(role)) steps.push({ ...base, kind: 'finish-draft', filingId: filing.id });
        if (filing.status === 'awaiting-approval' && roles.approve.includes(role)) steps.push({ ...base, kind: 'approve', filingId: filing.id });
        if (filing.status === 'approved' && roles.record.includes(role)) steps.push({ ...base, kind: 'record', filingId: filing.id });
      }
    }
  }
  return steps.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
}

/** The soonest deadline among the tracks still to be settled, if any runs. */
export function nearestDeadline(incident: IncidentView): string | null {
  const deadlines = incident.tracks.filter((track) => !SETTLED.has(track.status) && track.deadline).map((track) => track.deadline as string);
  const clocks = incident.tracks.length === 0 ? incident.clocks.map((clock) => clock.deadline) : [];
  return [...deadlines, ...clocks].sort()[0] ?? null;
}
