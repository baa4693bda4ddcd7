import { refuse, type Refusal } from '../failures.js';
import type { IncidentFacts } from '../incident/incident-facts.js';
import { isTrackKind, SCREENED_TRACKS, TRACK_CATALOGUE, type TrackKind } from './catalogue.js';
import type { Actor } from './filing-track-commands.js';

/**
 * The questions a person answers before a screened track is owed:
 * - Lex Maria (PSL 1 kap. 5 §, 3 kap. 5 §): has the event caused, or could it have caused, a
 *   serious care injury (allvarlig vårdskada)?
 * - NIS2 (Cybersäkerhetslagen 2 kap. 5 § 2 st.): has the incident caused, or can it cause, a severe
 *   operational disruption of the service or financial loss for the entity, or considerable damage
 *   to other natural or legal persons?
 */
export type ScreeningAnswers =
  | { track: 'lex-maria'; seriousCareInjury: 'caused' | 'could-have-caused' | 'neither' }
  | { track: 'nis2'; severeDisruptionOrFinancialLoss: boolean; considerableDamageToOthers: boolean };

export interface ScreeningRequest {
  track: string;
  /** The person's conclusion: the track applies (a report is owed) or it does not. */
  applies: boolean;
  reason: string;
  answers: ScreeningAnswers;
}

export interface ScreeningRecord {
  applies: boolean;
  decidedBy: string;
  decidedAt: string;
}

const CARE_IMPACTS_TO_SCREEN = ['harm-occurred', 'serious-harm-possible', 'serious-harm-occurred'] as const;

/** The screened tracks the facts suggest a person should look at (nothing is owed until someone decides). */
export function suggestedScreenings(facts: IncidentFacts): TrackKind[] {
  const suggested: TrackKind[] = [];
  if (facts.careProvider && facts.careImpact !== undefined && (CARE_IMPACTS_TO_SCREEN as readonly string[]).includes(facts.careImpact)) suggested.push('lex-maria');
  if (facts.nis2EntityClass === 'essential' || facts.nis2EntityClass === 'important') suggested.push('nis2');
  return suggested;
}

/**
 * Whether the organisation can owe the track at all, from the facts: Lex Maria binds care
 * providers (vårdgivare); NIS2 binds essential and important entities.
 */
export function refuseUnfitForScreening(track: TrackKind, facts: IncidentFacts): Refusal | undefined {
  if (track === 'lex-maria' && facts.careProvider !== true) {
    return refuse('unprocessable', 'Lex Maria binds care providers: set facts.careProvider first', 'facts.careProvider');
  }
  if (track === 'nis2' && facts.nis2EntityClass !== 'essential' && facts.nis2EntityClass !== 'important') {
    return refuse('unprocessable', 'NIS2 reporting binds essential and important entities: set facts.nis2EntityClass first', 'facts.nis2EntityClass');
  }
  return undefined;
}

/** What the answers say: the track applies exactly when one of the statutory tests is met. */
export function answersApply(answers: ScreeningAnswers): boolean {
  return answers.track === 'lex-maria' ? answers.seriousCareInjury !== 'neither' : answers.severeDisruptionOrFinancialLoss || answers.considerableDamageToOthers;
}

/**
 * Who may screen and what a decision needs: the roles the catalogue names (for Lex Maria also the
 * designated reporters), answers to the track's own questions that agree with the conclusion, and
 * a written reason. A track once screened in stays owed; one screened out may be looked at again.
 */
export function refuseScreening(request: ScreeningRequest, actor: Actor, decided: Readonly<Partial<Record<TrackKind, ScreeningRecord>>>): Refusal | undefined {
  if (!isTrackKind(request.track) || !SCREENED_TRACKS.includes(request.track)) {
    return refuse('not-found', `${request.track} is not decided by screening: one of ${SCREENED_TRACKS.join(', ')}`);
  }
  const definition = TRACK_CATALOGUE[request.track];
  const rule = definition.owedWhen;
  if (rule.basis !== 'screening') return refuse('not-found', `${request.track} is not decided by screening`);
  const designated = rule.orDesignatedReporter && actor.designatedReporterFor?.includes(request.track) === true;
  if (!rule.decidedBy.includes(actor.role) && !designated) {
    return refuse('forbidden', `screening for a ${definition.label.en} is for ${[...rule.decidedBy, ...(rule.orDesignatedReporter ? ['a designated reporter'] : [])].join(' or ')}`);
  }
  if (request.answers.track !== request.track) return refuse('unprocessable', `the answers are for ${request.answers.track}, not ${request.track}`, 'answers');
  if (answersApply(request.answers) !== request.applies) {
    return refuse('unprocessable', request.applies ? 'the answers do not meet the test for the track to apply' : 'the answers meet the test: the track applies', 'applies');
  }
  if (request.reason.trim().length < definition.minimumReasonLength) {
    return refuse('unprocessable', `reason must explain the decision in at least ${definition.minimumReasonLength} characters`, 'reason');
  }
  if (decided[request.track]?.applies) return refuse('conflict', `${request.track} is already screened in: the report is owed`);
  return undefined;
}
