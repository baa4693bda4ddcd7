import type { IncidentView, TrackView } from '../../api/response-bodies.js';
import { TRACK_CATALOGUE, isFilingTrack, type FilingKind, type FilingTrack, type Role, type TrackKind, type TrackLanguage } from '../../rules/domain.js';

/** Something a person with this role can do next on an incident, most pressing first. */
export interface NextStep {
  kind: 'screen' | 'draft' | 'finish-draft' | 'approve' | 'record';
  incident: IncidentView;
  track: TrackKind;
  filingId?: string;
  deadline: string | null;
}

/** What the signed-in person is, beyond the role: whether the organisation designated them to report under Lex Maria. */
export interface Person {
  role: Role;
  designatedReporter: boolean;
}

export const SETTLED = new Set(['filed', 'complete', 'not-required']);

/** A report that may be drafted now on a track: its kind, to whom (a processor's notice names its controller), the deadline it answers. */
export interface DraftOption {
  track: FilingTrack;
  kind: FilingKind;
  recipient: string | null;
  deadline: string | null;
  /** The main next step, or an alternative to it (NIS2's progress report instead of the final one). */
  primary: boolean;
}

/**
 * The reports a track takes next, by its stage plan: the first report to each recipient, then a
 * supplement (IMY, the processor's notice, Lex Maria); for NIS2 the next pending stage (early
 * warning, notification, an intermediate report when asked for, the final report — or a progress
 * report when the incident is still ongoing). Nothing while a report to that recipient is unfinished.
 */
export function draftOptions(incident: IncidentView, track: TrackView): DraftOption[] {
  if (!isFilingTrack(track.kind) || track.status === 'complete' || track.status === 'not-required' || incident.status === 'closed') return [];
  const kind = track.kind;
  const definition = TRACK_CATALOGUE[kind];
  const filed = (recipient: string | null, filingKind: string) => track.filings.some((filing) => filing.status === 'filed' && filing.recipient === recipient && filing.kind === filingKind);
  const unfinished = (recipient: string | null) => track.filings.some((filing) => filing.recipient === recipient && filing.status !== 'filed');

  if (definition.stagePlan === 'nis2-staged-reports') {
    if (unfinished(null)) return [];
    const pending = [...track.pendingDeadlines].sort((a, b) => a.deadline.localeCompare(b.deadline));
    const notified = filed(null, 'notification');
    if (pending.length === 0) {
      if (!notified) return track.filings.length === 0 ? [{ track: kind, kind: 'early-warning', recipient: null, deadline: track.deadline, primary: true }] : [];
      return [{ track: kind, kind: 'final', recipient: null, deadline: null, primary: true }];
    }
    const next = pending[0];
    const options: DraftOption[] = [{ track: kind, kind: next.stage, recipient: null, deadline: next.deadline, primary: true }];
    const final = pending.find((candidate) => candidate.stage === 'final');
    if (final && !filed(null, 'progress')) options.push({ track: kind, kind: 'progress', recipient: null, deadline: final.deadline, primary: false });
    return options;
  }

  const recipients: Array<string | null> = definition.reportPerAffectedController ? (incident.facts.affectedControllers ?? []) : [null];
  return recipients.flatMap((recipient): DraftOption[] => {
    if (unfinished(recipient)) return [];
    if (!filed(recipient, 'initial')) return [{ track: kind, kind: 'initial', recipient, deadline: track.deadline, primary: true }];
    return definition.reportKinds.includes('supplement') ? [{ track: kind, kind: 'supplement', recipient, deadline: track.supplementDeadline, primary: true }] : [];
  });
}

/** The language a report is drafted in: the person's, when the recipient reads it (Lex Maria: Swedish only). */
export function draftLanguage(track: FilingTrack, preferred: TrackLanguage): TrackLanguage {
  const languages = TRACK_CATALOGUE[track].languages;
  return languages.includes(preferred) ? preferred : languages[0];
}

/** Whether this person may screen the track: the catalogue's roles, and for Lex Maria also a designated reporter. */
export function mayScreen(track: TrackKind, person: Person): boolean {
  const rule = TRACK_CATALOGUE[track].owedWhen;
  if (rule.basis !== 'screening') return false;
  return rule.decidedBy.includes(person.role) || (rule.orDesignatedReporter && person.designatedReporter);
}

/** Whether this person may record a filing on the track as sent (Lex Maria: only a designated reporter). */
export function mayRecord(track: TrackKind, person: Person): boolean {
  const definition = TRACK_CATALOGUE[track];
  return definition.roles.record.includes(person.role) && (!definition.recordedByDesignatedReporter || person.designatedReporter);
}

/**
 * What waits for this person on these incidents, by the catalogue's roles per step: screenings to
 * decide, reports to
 * draft (the first, or the next stage), drafts to finish, reports to approve (the caller still must
 * not be the one who rendered them; the filing page checks), approved reports to record as sent.
 */
export function nextStepsFor(person: Person, incidents: readonly IncidentView[]): NextStep[] {
  const steps: NextStep[] = [];
  for (const incident of incidents) {
    for (const kind of incident.status === 'open' ? incident.suggestedScreenings : []) {
      // A screening waits for whoever may decide it; its clock starts only once it is screened in.
      if (mayScreen(kind, person)) steps.push({ kind: 'screen', incident, track: kind, deadline: null });
    }
    for (const track of incident.tracks) {
      if (!isFilingTrack(track.kind) || track.status === 'complete' || track.status === 'not-required') continue;
      const roles = TRACK_CATALOGUE[track.kind].roles;
      const base = { incident, track: track.kind };
      if (roles.draft.includes(person.role)) {
        for (const option of draftOptions(incident, track)) {
          // Only a first report, or a stage with a deadline running, waits for someone; a supplement nobody announced does not.
          if (option.primary && (option.kind === 'initial' || option.deadline)) steps.push({ ...base, kind: 'draft', deadline: option.deadline });
        }
      }
      for (const filing of track.filings) {
        const filingBase = { ...base, filingId: filing.id, deadline: track.deadline };
        if (filing.status === 'draft' && roles.draft.includes(person.role)) steps.push({ ...filingBase, kind: 'finish-draft' });
        if (filing.status === 'awaiting-approval' && roles.approve.includes(person.role)) steps.push({ ...filingBase, kind: 'approve' });
        if (filing.status === 'approved' && mayRecord(track.kind, person)) steps.push({ ...filingBase, kind: 'record' });
      }
    }
  }
  return steps.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
}

/** The soonest deadline among the tracks still to be settled (every pending stage counted), if any runs. */
export function nearestDeadline(incident: IncidentView): string | null {
  const deadlines = incident.tracks
    .filter((track) => track.status !== 'complete' && track.status !== 'not-required')
    .flatMap((track) => (track.pendingDeadlines.length > 0 ? track.pendingDeadlines.map((pending) => pending.deadline) : track.deadline && !SETTLED.has(track.status) ? [track.deadline] : []));
  const clocks = incident.tracks.length === 0 ? incident.clocks.map((clock) => clock.deadline) : [];
  return [...deadlines, ...clocks].sort()[0] ?? null;
}
