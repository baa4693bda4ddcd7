import { addCalendarDays } from '../clocks/calendar.js';
import { isPastDeadline } from '../clocks/deadline.js';
import { CLOCK_SKEW_TOLERANCE_MS } from '../incident/timeline-rules.js';
import { refuse, type Refusal } from '../failures.js';
import type { Role } from '../roles.js';
import { trackDefinition, windowHours, type TrackRoles, type TrackWindow } from './catalogue.js';
import type { Actor, FilingTrackCommand } from './filing-track-commands.js';
import { everyFirstReportFiled, filedReports, firstReportFiledFor, type FilingTrackState, type TrackFiling } from './filing-track-state.js';

/** What the workflow must write to the case file for a step the rules allowed. */
export type FilingTrackEffect =
  | { type: 'render'; filing: TrackFiling; supersedesId: string | null; preparedAt: string; noBreachJustification?: string }
  | { type: 'transition'; filing: TrackFiling; transition: 'submitted' | 'approved' | 'rejected'; comment: string | null }
  | { type: 'filed'; filing: TrackFiling; channel: string; delayReason: string | null; late: boolean }
  | { type: 'not-required'; reason: string }
  | { type: 'anchor-moved'; anchorAt: string; deadline: string }
  | { type: 'none' };

export type FilingStepDecision = { ok: true; state: FilingTrackState; effect: FilingTrackEffect } | { ok: false; refusal: Refusal };

const HOUR_MS = 3_600_000;

const ACTIONS: Record<keyof TrackRoles, string> = {
  draft: 'drafting or submitting a report',
  approve: 'approving or rejecting a report',
  record: 'recording a filing',
  decideNotRequired: 'deciding that a track is not required',
};

/**
 * The life cycle of a filing track as one pure function: given the state, a command, who gives it
 * and when, it returns the next state with the effect to persist, or a typed refusal saying why
 * not. A report goes draft → awaiting approval → approved (or back to draft, rejected) → filed;
 * re-rendering makes a new revision and undoes any approval. The rules:
 * - the roles of each step are the track's (see the catalogue);
 * - four eyes: nobody approves or rejects a revision they rendered themselves;
 * - a decision names the revision it judged and is refused as stale when the draft moved on;
 * - the first recorded filing freezes the track's lateness: a later correction of awareAt can
 *   neither make it late nor in time;
 * - a late first report needs the reasons for the delay (Art. 33(1)), where the track asks for them;
 * - a supplement answers its own deadline (the supplement period), never the first report's; the
 *   period (IMY: four calendar weeks) runs only when the first report announced supplements;
 * - a filed report never changes: supplements and withdrawals are further reports that refer to it.
 */
export function decideFilingStep(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, now: number): FilingStepDecision {
  const definition = trackDefinition(state.track);
  const refused = (kind: Refusal['kind'], message: string, field?: string): FilingStepDecision => ({ ok: false, refusal: refuse(kind, message, field) });
  const roleRefusal = (step: keyof TrackRoles): FilingStepDecision | undefined => {
    const allowed: readonly Role[] = definition.roles[step];
    return allowed.includes(actor.role) ? undefined : refused('forbidden', `${ACTIONS[step]} needs one of the roles ${allowed.join(', ')}; you are ${actor.role}`);
  };
  const closedRefusal = (): FilingStepDecision | undefined => {
    if (state.notRequired) return refused('conflict', 'this track was decided not required');
    if (state.complete) return refused('conflict', 'this track is complete: its final or "no breach after all" report is filed');
    return undefined;
  };
  const findFiling = (filingId: string): TrackFiling | undefined => state.filings.find((filing) => filing.filingId === filingId);
  const withFiling = (filing: TrackFiling): FilingTrackState => ({ ...state, filings: state.filings.map((f) => (f.filingId === filing.filingId ? filing : f)) });

  switch (command.type) {
    case 'open-draft': {
      const blocked = closedRefusal() ?? roleRefusal('draft');
      if (blocked) return blocked;
      const recipient = state.recipients ? command.recipient : null;
      if (state.recipients && (recipient === null || !state.recipients.includes(recipient))) {
        return refused('unprocessable', `recipient must be one of the affected controllers: ${state.recipients.join(', ')}`, 'recipient');
      }
      if (findFiling(command.filingId)) return refused('conflict', `report ${command.filingId} already exists on this track`);
      const unfinished = state.filings.find((filing) => filing.recipient === recipient && filing.status !== 'filed');
      if (unfinished) return refused('conflict', `report ${unfinished.sequence} is still ${unfinished.status}: finish or re-render it first`);
      const firstFiled = firstReportFiledFor(state, recipient);
      if (command.kind === 'initial' && firstFiled) return refused('conflict', 'the initial report is already filed: draft a supplement or a final report');
      if (command.kind !== 'initial' && !firstFiled) {
        return command.kind === 'no-breach'
          ? refused('conflict', 'nothing is filed to withdraw: decide that the track is not required instead')
          : refused('conflict', `a ${command.kind} report supplements a filed initial report, and none is filed yet`);
      }
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
        deadline: command.kind === 'initial' ? state.deadline : state.supplementDeadline,
        filedAt: null,
        announcesSupplements: command.kind === 'initial' && command.announcesSupplements === true,
        completesReport: command.kind === 'final' || (command.kind === 'supplement' && command.completesReport === true),
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
      const expected = command.type === 'submit' ? 'draft' : 'awaiting-approval';
      if (current.status !== expected) return refused('conflict', `the report is ${current.status}, not ${expected === 'draft' ? 'a draft' : 'awaiting approval'}`);
      if (command.type !== 'submit' && current.lastEditorId === actor.userId) {
        return refused('conflict', 'four-eyes rule: you rendered this revision of the report, so another approver or the DPO must review it');
      }
      if (command.revision !== current.revision) {
        return refused('stale', `you reviewed revision ${command.revision}, but the report is now at revision ${current.revision}: review it again`, 'revision');
      }
      if (command.type === 'reject' && !command.comment?.trim()) return refused('unprocessable', 'a rejection needs a comment saying what to change', 'comment');
      const next = { submit: 'awaiting-approval', approve: 'approved', reject: 'draft' } as const;
      const transition = { submit: 'submitted', approve: 'approved', reject: 'rejected' } as const;
      const filing: TrackFiling = { ...current, status: next[command.type] };
      const comment = command.type === 'submit' ? null : (command as { comment?: string }).comment?.trim() || null;
      return { ok: true, state: withFiling(filing), effect: { type: 'transition', filing, transition: transition[command.type], comment } };
    }

    case 'record': {
      const blocked = closedRefusal() ?? roleRefusal('record');
      if (blocked) return blocked;
      const current = findFiling(command.filingId);
      if (!current) return refused('not-found', `report ${command.filingId} does not belong to this track`);
      if (current.status === 'filed') return refused('conflict', 'this report is already recorded as filed');
      if (current.status !== 'approved') return refused('conflict', `the report is ${current.status}: it must be approved before it is filed`);
      const filedAtMs = Date.parse(command.filedAt);
      if (Number.isNaN(filedAtMs)) return refused('unprocessable', 'filedAt is not a valid instant', 'filedAt');
      if (filedAtMs > now + CLOCK_SKEW_TOLERANCE_MS) return refused('unprocessable', 'filedAt may not lie in the future', 'filedAt');
      if (!definition.recordChannels.includes(command.channel as never)) {
        return refused('unprocessable', `a ${definition.label.en} is not sent by ${command.channel}: record one of ${definition.recordChannels.join(', ')}`, 'channel');
      }
      const filedAt = new Date(filedAtMs).toISOString();
      // Lateness is judged once, at the first filing, and frozen.
      const trackLate = state.late ?? isPastDeadline(state.deadline, filedAt);
      const delayReason = command.delayReason?.trim() || null;
      if (state.late === null && trackLate && definition.delayReasonWhenLate && !delayReason) {
        return refused('unprocessable', `the report is filed after the deadline (${state.deadline}): Art. 33(1) requires the reasons for the delay`, 'delayReason');
      }
      const filing: TrackFiling = { ...current, status: 'filed', filedAt };
      let next: FilingTrackState = { ...withFiling(filing), late: trackLate, firstFiledAt: state.firstFiledAt ?? filedAt };
      if (filing.completesReport || filing.kind === 'no-breach') next = { ...next, complete: true };
      else if (everyFirstReportFiled(next) && !everyFirstReportFiled(state)) {
        // Every first report is in. A track without supplement periods owes nothing more; otherwise the
        // period runs when supplements were announced, and the track rests as filed when they were not.
        if (!definition.supplements) next = { ...next, complete: true };
        else if (filing.announcesSupplements || !state.supplementsOnlyWhenAnnounced) {
          next = { ...next, supplementDeadline: windowEnd(definition.supplements, filedAt, state.timeZone) };
        }
      }
      const late = filing.deadline !== null && isPastDeadline(filing.deadline, filedAt);
      return { ok: true, state: next, effect: { type: 'filed', filing, channel: command.channel, delayReason, late } };
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
      return { ok: true, state: { ...state, notRequired: { reason, decidedBy: actor.userId } }, effect: { type: 'not-required', reason } };
    }

    case 'move-anchor': {
      const anchorMs = Date.parse(command.anchorAt);
      if (Number.isNaN(anchorMs)) return refused('unprocessable', 'anchorAt is not a valid instant', 'anchorAt');
      const anchorAt = new Date(anchorMs).toISOString();
      // Once anything is filed the deadline stays where it was judged.
      if (state.firstFiledAt !== null || anchorAt === state.anchorAt) return { ok: true, state, effect: { type: 'none' } };
      const deadline = new Date(anchorMs + state.windowMs).toISOString();
      const filings = state.filings.map((filing) => (filing.kind === 'initial' ? { ...filing, deadline } : filing));
      return { ok: true, state: { ...state, anchorAt, deadline, filings }, effect: { type: 'anchor-moved', anchorAt, deadline } };
    }
  }
}

/** The end of a window that starts at `from`: hours as elapsed time, weeks as calendar weeks in the zone. */
export function windowEnd(window: TrackWindow, from: string, timeZone: string): string {
  if (window.basis === 'calendar-weeks') return addCalendarDays(new Date(from), window.weeks * 7, timeZone).toISOString();
  return new Date(Date.parse(from) + windowHours(window) * HOUR_MS).toISOString();
}
