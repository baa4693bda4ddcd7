import { isPastDeadline } from '../clocks/deadline.js';
import { CLOCK_SKEW_TOLERANCE_MS } from '../incident/timeline-rules.js';
import { reviewStep } from '../review/four-eyes-review.js';
import { refuse, type Refusal } from '../failures.js';
import type { Role } from '../roles.js';
import { trackDefinition, type TrackRoles } from './catalogue.js';
import type { Actor, FilingTrackCommand } from './filing-track-commands.js';
import type { FilingTrackState, TrackFiling } from './filing-track-state.js';
import { stageRulesOf } from './stages/stage-rules.js';
import { refuseUnseconded } from './not-required-proposal.js';
import { filedReports } from './track-filings.js';

export { windowEnd } from './window-end.js';

/** What the workflow must write to the case file for a step the rules allowed. */
export type FilingTrackEffect =
  | { type: 'render'; filing: TrackFiling; supersedesId: string | null; preparedAt: string; noBreachJustification?: string }
  | { type: 'transition'; filing: TrackFiling; transition: 'submitted' | 'approved' | 'rejected'; comment: string | null }
  | { type: 'filed'; filing: TrackFiling; channel: string; delayReason: string | null; late: boolean }
  | { type: 'not-required'; reason: string }
  | { type: 'anchor-moved'; anchorAt: string; deadline: string }
  | { type: 'stage-changed'; change: 'intermediate-requested' | 'handled'; at: string }
  | { type: 'none' };

export type FilingStepDecision = { ok: true; state: FilingTrackState; effect: FilingTrackEffect } | { ok: false; refusal: Refusal };

const ACTIONS: Record<keyof TrackRoles, string> = {
  draft: 'drafting or submitting a report',
  approve: 'approving or rejecting a report',
  record: 'recording a filing',
  proposeNotRequired: 'proposing that a track is not required',
  decideNotRequired: 'deciding that a track is not required',
};

/**
 * The life cycle of a filing track as one pure function: given the state, a command, who gives it
 * and when, it returns the next state with the effect to persist, or a typed refusal saying why
 * not. A report goes draft → awaiting approval → approved (or back to draft, rejected) → filed;
 * re-rendering makes a new revision and undoes any approval. The rules:
 * - the roles of each step are the track's (see the catalogue); where the track says so, only a
 *   designated reporter records the filing;
 * - four eyes: nobody approves or rejects a revision they rendered themselves;
 * - a decision names the revision it judged and is refused as stale when the draft moved on;
 * - which reports may be opened, and the deadline each answers, follow the track's stage rules
 *   (`stages/`): a supplement answers its own period, an NIS2 report its own stage's deadline;
 * - the first recorded filing freezes the track's lateness: a later correction of awareAt can
 *   neither make it late nor in time;
 * - a late first report needs the reasons for the delay (Art. 33(1)), where the track asks for them,
 *   and they are the approved draft's: recording cannot give different ones;
 * - "not required" takes two people: it arrives here approved, naming its proposer, and the
 *   approver is someone else;
 * - a filed report never changes: supplements and withdrawals are further reports that refer to it.
 */
export function decideFilingStep(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, now: number): FilingStepDecision {
  const definition = trackDefinition(state.track);
  const stages = stageRulesOf(state.track);
  const refused = (kind: Refusal['kind'], message: string, field?: string): FilingStepDecision => ({ ok: false, refusal: refuse(kind, message, field) });
  const roleRefusal = (step: keyof TrackRoles): FilingStepDecision | undefined => {
    const allowed: readonly Role[] = definition.roles[step];
    return allowed.includes(actor.role) ? undefined : refused('forbidden', `${ACTIONS[step]} needs one of the roles ${allowed.join(', ')}; you are ${actor.role}`);
  };
  const closedRefusal = (): FilingStepDecision | undefined => {
    if (state.notRequired) return refused('conflict', 'this track was decided not required');
    if (state.complete) return refused('conflict', 'this track is complete: nothing more is owed on it');
    return undefined;
  };
  const findFiling = (filingId: string): TrackFiling | undefined => state.filings.find((filing) => filing.filingId === filingId);
  const withFiling = (filing: TrackFiling): FilingTrackState => ({ ...state, filings: state.filings.map((f) => (f.filingId === filing.filingId ? filing : f)) });
  const instant = (iso: string, field: string): string | FilingStepDecision => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? refused('unprocessable', `${field} is not a valid instant`, field) : new Date(ms).toISOString();
  };

  switch (command.type) {
    case 'open-draft': {
      const blocked = closedRefusal() ?? roleRefusal('draft');
      if (blocked) return blocked;
      // Runs started before supplements could complete a report still take the "final" report they knew.
      const legacyFinal = command.kind === 'final' && state.track === 'gdpr-art33' && !state.supplementsOnlyWhenAnnounced;
      if (!definition.reportKinds.includes(command.kind) && !legacyFinal) {
        return refused('unprocessable', `a ${definition.label.en} is one of: ${definition.reportKinds.join(', ')}`, 'kind');
      }
      if (command.language !== undefined && !definition.languages.includes(command.language)) {
        return refused('unprocessable', `a ${definition.label.en} is drafted in ${definition.languages.join(' or ')}, the language its recipient reads`, 'language');
      }
      const recipient = state.recipients ? command.recipient : null;
      if (state.recipients && (recipient === null || !state.recipients.includes(recipient))) {
        return refused('unprocessable', `recipient must be one of the affected controllers: ${state.recipients.join(', ')}`, 'recipient');
      }
      if (findFiling(command.filingId)) return refused('conflict', `report ${command.filingId} already exists on this track`);
      const unfinished = state.filings.find((filing) => filing.recipient === recipient && filing.status !== 'filed');
      if (unfinished) return refused('conflict', `report ${unfinished.sequence} is still ${unfinished.status}: finish or re-render it first`);
      const opening = stages.opening(state, command.kind, recipient);
      if ('refusal' in opening) return { ok: false, refusal: opening.refusal };
      if (command.kind === 'no-breach' && (command.noBreachJustification?.trim().length ?? 0) < definition.minimumReasonLength) {
        return refused('unprocessable', `a "no breach after all" report needs its justification (at least ${definition.minimumReasonLength} characters)`, 'noBreachJustification');
      }
      const filing: TrackFiling = {
        filingId: command.filingId,
        sequence: state.filings.length + 1,
        kind: command.kind,
        status: 'draft',
        revision: 1,
        authorId: actor.userId,
        lastEditorId: actor.userId,
        recipient,
        deadline: opening.deadline,
        filedAt: null,
        announcesSupplements: command.kind === 'initial' && command.announcesSupplements === true,
        completesReport: command.kind === 'final' || (command.kind === 'supplement' && command.completesReport === true),
        delayReason: command.delayReason?.trim() || null,
      };
      const supersedes = [...filedReports(state)].reverse().find((earlier) => earlier.recipient === recipient);
      return {
        ok: true,
        state: { ...state, filings: [...state.filings, filing] },
        effect: {
          type: 'render',
          filing,
          supersedesId: supersedes?.filingId ?? null,
          preparedAt: new Date(now).toISOString(),
          ...(command.noBreachJustification !== undefined && { noBreachJustification: command.noBreachJustification }),
        },
      };
    }

    case 're-render': {
      const blocked = closedRefusal() ?? roleRefusal('draft');
      if (blocked) return blocked;
      const current = findFiling(command.filingId);
      if (!current) return refused('not-found', `report ${command.filingId} does not belong to this track`);
      if (current.status === 'filed') return refused('conflict', 'a filed report never changes: draft a supplement instead');
      const filing: TrackFiling = {
        ...current,
        status: 'draft',
        revision: current.revision + 1,
        lastEditorId: actor.userId,
        announcesSupplements: current.kind === 'initial' ? (command.announcesSupplements ?? current.announcesSupplements) : false,
        completesReport: current.kind === 'supplement' ? (command.completesReport ?? current.completesReport) : current.completesReport,
        delayReason: command.delayReason === undefined ? (current.delayReason ?? null) : command.delayReason?.trim() || null,
      };
      const supersedes = [...filedReports(state)].reverse().find((earlier) => earlier.recipient === current.recipient);
      return { ok: true, state: withFiling(filing), effect: { type: 'render', filing, supersedesId: supersedes?.filingId ?? null, preparedAt: new Date(now).toISOString() } };
    }

    case 'submit':
    case 'approve':
    case 'reject': {
      const blocked = closedRefusal() ?? roleRefusal(command.type === 'submit' ? 'draft' : 'approve');
      if (blocked) return blocked;
      const current = findFiling(command.filingId);
      if (!current) return refused('not-found', `report ${command.filingId} does not belong to this track`);
      const review = reviewStep(current, { type: command.type, revision: command.revision, comment: (command as { comment?: string }).comment }, actor, 'report');
      if ('refusal' in review) return { ok: false, refusal: review.refusal };
      const filing: TrackFiling = { ...current, status: review.status };
      return { ok: true, state: withFiling(filing), effect: { type: 'transition', filing, transition: review.transition, comment: review.comment } };
    }

    case 'record': {
      const blocked = closedRefusal() ?? roleRefusal('record');
      if (blocked) return blocked;
      if (definition.recordedByDesignatedReporter && !actor.designatedReporterFor?.includes(state.track)) {
        return refused('forbidden', `only a reporter the organisation designated records a ${definition.label.en} (HSLF-FS 2017:41 4 §)`);
      }
      const current = findFiling(command.filingId);
      if (!current) return refused('not-found', `report ${command.filingId} does not belong to this track`);
      if (current.status === 'filed') return refused('conflict', 'this report is already recorded as filed');
      if (current.status !== 'approved') return refused('conflict', `the report is ${current.status}: it must be approved before it is filed`);
      const filedAtMs = Date.parse(command.filedAt);
      if (Number.isNaN(filedAtMs)) return refused('unprocessable', 'filedAt is not a valid instant', 'filedAt');
      if (filedAtMs > now + CLOCK_SKEW_TOLERANCE_MS) return refused('unprocessable', 'filedAt may not lie in the future', 'filedAt');
      if (!definition.recordChannels.includes(command.channel as never)) {
        const why = definition.channelRule ? `${definition.channelRule.en}. ` : '';
        return refused('unprocessable', `${why}A ${definition.label.en} is not sent by ${command.channel}: record one of ${definition.recordChannels.join(', ')}`, 'channel');
      }
      const filedAt = new Date(filedAtMs).toISOString();
      // Lateness is judged once, at the first filing, and frozen.
      const trackLate = state.late ?? isPastDeadline(state.deadline, filedAt);
      const given = command.delayReason?.trim() || null;
      const approvedReason = current.delayReason?.trim() || null;
      // The reasons for a delay are part of the report the second person approved: recording cannot swap them.
      if (state.delayReasonFromApprovedDraft && given !== null && given !== approvedReason) {
        return refused('unprocessable', 'the reasons for the delay are part of the approved report and cannot change when it is recorded: change them in the draft and have it approved again', 'delayReason');
      }
      const delayReason = state.delayReasonFromApprovedDraft ? approvedReason : given;
      if (state.late === null && trackLate && definition.delayReasonWhenLate && !delayReason) {
        const where = state.delayReasonFromApprovedDraft ? ': give them in the draft and have it approved again' : '';
        return refused('unprocessable', `the report is filed after the deadline (${state.deadline}): Art. 33(1) requires the reasons for the delay${where}`, 'delayReason');
      }
      const filing: TrackFiling = { ...current, status: 'filed', filedAt };
      const filed: FilingTrackState = { ...withFiling(filing), late: trackLate, firstFiledAt: state.firstFiledAt ?? filedAt };
      const late = filing.deadline !== null && isPastDeadline(filing.deadline, filedAt);
      return { ok: true, state: stages.recorded(filed, state, filing), effect: { type: 'filed', filing, channel: command.channel, delayReason, late } };
    }

    case 'decide-not-required': {
      const blocked = roleRefusal('decideNotRequired');
      if (blocked) return blocked;
      if (state.notRequired) return refused('conflict', 'this track is already decided not required');
      if (filedReports(state).length > 0) {
        return refused('conflict', 'a report is already filed on this track: file a supplement or a "no breach after all" report instead');
      }
      const reason = command.reason.trim();
      if (reason.length < definition.minimumReasonLength) {
        return refused('unprocessable', `reason must explain the decision in at least ${definition.minimumReasonLength} characters`, 'reason');
      }
      if (state.notRequiredNeedsSecondPerson) {
        const unseconded = refuseUnseconded(command.proposedBy, actor);
        if (unseconded) return { ok: false, refusal: unseconded };
      }
      const notRequired = { reason, decidedBy: actor.userId, ...(command.proposedBy !== undefined && { proposedBy: command.proposedBy }) };
      return { ok: true, state: { ...state, notRequired }, effect: { type: 'not-required', reason } };
    }

    case 'move-anchor': {
      const anchorAt = instant(command.anchorAt, 'anchorAt');
      if (typeof anchorAt !== 'string') return anchorAt;
      // Once anything is filed the deadline stays where it was judged.
      if (state.firstFiledAt !== null || anchorAt === state.anchorAt) return { ok: true, state, effect: { type: 'none' } };
      const deadline = new Date(Date.parse(anchorAt) + state.windowMs).toISOString();
      const moved = stages.anchorMoved({ ...state, anchorAt, deadline });
      // Drafts answering a deadline counted from awareness answer the moved one.
      const movedDeadline = (filing: TrackFiling) => (filing.kind === 'initial' ? deadline : (moved.stageDeadlines[filing.kind] ?? filing.deadline));
      const filings = moved.filings.map((filing) => ({ ...filing, deadline: movedDeadline(filing) }));
      return { ok: true, state: { ...moved, filings }, effect: { type: 'anchor-moved', anchorAt, deadline } };
    }

    case 'request-intermediate':
    case 'record-handled': {
      const blocked = closedRefusal() ?? roleRefusal('draft');
      if (blocked) return blocked;
      if (definition.stagePlan !== 'nis2-staged-reports') return refused('conflict', `a ${definition.label.en} has no staged reports`);
      if (command.type === 'request-intermediate') {
        const dueAt = instant(command.dueAt, 'dueAt');
        if (typeof dueAt !== 'string') return dueAt;
        if (!stages.firstReportsFiled(state)) return refused('conflict', 'an intermediate report follows the incident notification, and none is filed yet');
        return { ok: true, state: { ...state, stageDeadlines: { ...state.stageDeadlines, intermediate: dueAt } }, effect: { type: 'stage-changed', change: 'intermediate-requested', at: dueAt } };
      }
      const handledAt = instant(command.handledAt, 'handledAt');
      if (typeof handledAt !== 'string') return handledAt;
      if (Date.parse(handledAt) > now + CLOCK_SKEW_TOLERANCE_MS) return refused('unprocessable', 'handledAt may not lie in the future', 'handledAt');
      const handled = stages.anchorMoved({ ...state, handledAt });
      return { ok: true, state: handled, effect: { type: 'stage-changed', change: 'handled', at: handledAt } };
    }
  }
}
