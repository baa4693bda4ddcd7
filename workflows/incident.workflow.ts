import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type { ClockActivities } from '../apps/worker/src/activities/clock.activities.js';
import type { FilingActivities } from '../apps/worker/src/activities/filing.activities.js';
import type { IncidentActivities } from '../apps/worker/src/activities/incident.activities.js';
import type { FilingTrack } from '../libs/domain/src/filings/filing-input.js';
import { ART33_CLOCK, ART33_WINDOW_MS } from '../libs/domain/src/gdpr/art33.js';
import type { OrganisationRole } from '../libs/domain/src/incident/incident-facts.js';
import type { RiskOutcome } from '../libs/domain/src/risk/assessment.js';
import { APPROVER_ROLES } from '../libs/domain/src/roles.js';
import { nextOwedTracks, type OwedTrack } from '../libs/domain/src/tracks/owed-tracks.js';
import { DeadlineClock } from './deadline-clock.js';
import {
  closeIncidentUpdate,
  incidentStateQuery,
  markTrackNotRequiredUpdate,
  recordFactsVersionUpdate,
  recordRiskOutcomeUpdate,
  trackStatusSignal,
  type IncidentState,
  type IncidentWorkflowInput,
} from './messages.js';
import { filingTrackWorkflow } from './tracks/filing-track.workflow.js';
import { filingTrackWorkflowId, moveAnchorSignal, REFUSAL } from './tracks/filing-track.messages.js';

const activityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
} as const;
const clockActivities = proxyActivities<ClockActivities>(activityOptions);
const filingActivities = proxyActivities<FilingActivities>(activityOptions);
const incidentActivities = proxyActivities<IncidentActivities>(activityOptions);

const RISK_OUTCOMES: readonly RiskOutcome[] = ['no-risk', 'risk', 'high-risk'];
/** Tracks with a workflow of their own; the others are recorded in the register or (for now) decided by a person. */
const FILING_TRACKS: readonly FilingTrack[] = ['gdpr-art33', 'gdpr-art33-2'];
/** A track in one of these states no longer stands in the way of closing the incident. */
const SETTLED = ['filed', 'complete', 'not-required'];
const HOUR_MS = 3_600_000;

/**
 * One incident, from awareness to closure. Until the risk is known it holds the Art. 33 clock
 * (72 hours from awareness) and fires its reminders; once the outcome makes a filing owed it
 * starts that track's own workflow, which takes the clock over. Owed tracks only ever grow,
 * and the incident closes only when each is filed or decided not required.
 */
export async function incidentWorkflow(input: IncidentWorkflowInput): Promise<void> {
  // Runs started before tracks existed keep their original clock behaviour on replay.
  const tracksTakeOverClock = patched('tracks-take-over-art33-clock');
  const processorOwesNoticeBeforeAssessment = patched('processor-notice-owed-before-assessment');
  let factsVersion = input.factsVersion;
  let role: OrganisationRole = input.role ?? 'controller';
  let riskOutcome: RiskOutcome | null = input.outcome ?? null;
  let tracks: OwedTrack[] = [];
  const trackStatus: Record<string, string> = {};
  const children = new Map<string, ChildWorkflowHandle<typeof filingTrackWorkflow>>();
  let anchorMoved = false;
  let closed = false;
  const art33 = new DeadlineClock(ART33_CLOCK, new Date(input.awareAt), ART33_WINDOW_MS, input.reminderFractions);

  const state = (): IncidentState => ({
    incidentId: input.incidentId,
    factsVersion,
    role,
    riskOutcome,
    tracks,
    trackStatus: { ...trackStatus },
    status: closed ? 'closed' : 'open',
    clocks: [art33.state(Date.now())],
  });

  /**
   * A rising outcome makes new tracks owed; a falling one never removes a track already owed.
   * A processor owes its controllers the Art. 33(2) notice whatever the risk, so its track is
   * owed before any assessment.
   */
  const applyOutcome = (outcome: RiskOutcome | null | undefined) => {
    if (outcome !== undefined) riskOutcome = outcome;
    const basis = riskOutcome ?? (role === 'processor' && processorOwesNoticeBeforeAssessment ? 'no-risk' : null);
    if (basis) tracks = nextOwedTracks(tracks, basis, role, new Date(Date.now()).toISOString());
  };
  applyOutcome(riskOutcome);

  /** The incident's own clock stands in until a track's workflow holds the deadline. */
  const ownClockActive = () => !tracksTakeOverClock || (role === 'controller' && riskOutcome === null && !closed);

  const refuse = (type: string, message: string): never => {
    throw ApplicationFailure.create({ type, message, nonRetryable: true });
  };

  setHandler(incidentStateQuery, state);
  setHandler(
    recordFactsVersionUpdate,
    (recorded) => {
      factsVersion = recorded.version;
      role = recorded.role ?? role;
      applyOutcome(recorded.outcome);
      if (art33.moveAnchor(new Date(recorded.awareAt))) anchorMoved = true;
      return state();
    },
    {
      validator: (recorded) => {
        if (recorded.version <= factsVersion) {
          throw new Error(`facts version ${recorded.version} is not newer than version ${factsVersion}`);
        }
        if (Number.isNaN(new Date(recorded.awareAt).getTime())) throw new Error('awareAt is not a valid instant');
        if (recorded.outcome && !RISK_OUTCOMES.includes(recorded.outcome)) throw new Error(`unknown outcome ${recorded.outcome}`);
      },
    },
  );
  setHandler(
    recordRiskOutcomeUpdate,
    (decided) => {
      applyOutcome(decided.outcome);
      return state();
    },
    {
      validator: (decided) => {
        if (decided.factsVersion !== factsVersion) {
          throw new Error(`the decision concerns facts version ${decided.factsVersion}, but the current version is ${factsVersion}`);
        }
        if (!RISK_OUTCOMES.includes(decided.outcome)) throw new Error(`unknown outcome ${decided.outcome}`);
      },
    },
  );
  setHandler(trackStatusSignal, ({ track, status }) => {
    trackStatus[track] = status;
  });
  setHandler(
    markTrackNotRequiredUpdate,
    async (request) => {
      await filingActivities.recordNotRequired({
        incidentId: input.incidentId,
        organisationId: input.organisationId,
        track: request.track,
        reason: request.reason,
        actorId: request.actor.userId,
      });
      trackStatus[request.track] = 'not-required';
      return state();
    },
    {
      validator: (request) => {
        if (!APPROVER_ROLES.includes(request.actor.role)) refuse(REFUSAL.forbidden, `deciding that a track is not required needs the role approver or dpo; you are ${request.actor.role}`);
        if (!tracks.some((t) => t.kind === request.track)) refuse(REFUSAL.conflict, `${request.track} is not owed by this incident`);
        if (FILING_TRACKS.includes(request.track as FilingTrack)) refuse(REFUSAL.conflict, `${request.track} has its own workflow: decide it there`);
        if (trackStatus[request.track] === 'not-required') refuse(REFUSAL.conflict, `${request.track} is already marked not required`);
        if (request.reason.trim().length < 20) refuse(REFUSAL.unprocessable, 'reason must explain the decision in at least 20 characters');
      },
    },
  );
  setHandler(
    closeIncidentUpdate,
    async (request) => {
      await incidentActivities.recordClosed({ incidentId: input.incidentId, organisationId: input.organisationId, actorId: request.actor.userId });
      closed = true;
      return state();
    },
    {
      validator: (request) => {
        if (!APPROVER_ROLES.includes(request.actor.role)) refuse(REFUSAL.forbidden, `closing an incident needs the role approver or dpo; you are ${request.actor.role}`);
        if (closed) refuse(REFUSAL.conflict, 'the incident is already closed');
        const unsettled = tracks
          .filter((t) => t.kind !== 'gdpr-art33-register')
          .filter((t) => !SETTLED.includes(trackStatus[t.kind] ?? 'open'))
          .map((t) => `${t.kind} (${trackStatus[t.kind] ?? 'open'})`);
        if (unsettled.length > 0) {
          refuse(REFUSAL.conflict, `the incident cannot close while owed tracks are neither filed nor decided not required: ${unsettled.join(', ')}`);
        }
      },
    },
  );

  const startOwedTracks = async () => {
    for (const track of tracks) {
      const kind = track.kind as FilingTrack;
      if (!FILING_TRACKS.includes(kind) || children.has(kind)) continue;
      const processor = kind === 'gdpr-art33-2';
      const child = await startChild(filingTrackWorkflow, {
        workflowId: filingTrackWorkflowId(input.incidentId, kind),
        args: [
          {
            incidentId: input.incidentId,
            organisationId: input.organisationId,
            track: kind,
            anchorAt: art33.anchorAt.toISOString(),
            windowMs: processor ? (input.processorNoticeHours ?? 24) * HOUR_MS : ART33_WINDOW_MS,
            reminderFractions: input.reminderFractions,
            recipients: processor ? input.affectedControllers : undefined,
          },
        ],
        // A track outlives nothing: it is settled before the incident closes.
        parentClosePolicy: 'ABANDON',
      });
      children.set(kind, child);
      trackStatus[kind] ??= 'open';
    }
  };

  const recordClock = (reason: 'started' | 'moved') =>
    clockActivities.recordClock({
      incidentId: input.incidentId,
      organisationId: input.organisationId,
      kind: art33.kind,
      anchorAt: art33.anchorAt.toISOString(),
      deadlineAt: art33.deadline.toISOString(),
      reason,
    });

  await recordClock('started');
  let knownTracks = -1;
  while (!closed) {
    if (tracksTakeOverClock && tracks.length !== knownTracks) {
      knownTracks = tracks.length;
      await startOwedTracks();
    }
    const clockActive = ownClockActive();
    const next = clockActive ? art33.nextUnfired() : undefined;
    const waitMs = next ? next.dueAt.getTime() - Date.now() : undefined;
    const seenTracks = tracks.length;
    const woke = () => anchorMoved || closed || (tracksTakeOverClock && (tracks.length !== seenTracks || ownClockActive() !== clockActive));
    // Wait for the next reminder's instant, or for a correction, a new owed track or closure.
    // (condition() without a timeout resolves to nothing, so "woken" is stated explicitly.)
    const interrupted = waitMs === undefined ? (await condition(woke), true) : waitMs > 0 && (await condition(woke, waitMs));
    if (interrupted) {
      if (anchorMoved) {
        anchorMoved = false;
        await recordClock('moved');
        for (const child of children.values()) await child.signal(moveAnchorSignal, { anchorAt: art33.anchorAt.toISOString() });
      }
      continue;
    }
    if (!next) continue;
    const firedAt = new Date(Date.now());
    await clockActivities.recordReminderFired({
      incidentId: input.incidentId,
      organisationId: input.organisationId,
      kind: art33.kind,
      reminderKey: next.key,
      dueAt: next.dueAt.toISOString(),
      firedAt: firedAt.toISOString(),
    });
    art33.markFired(next.key, firedAt);
  }
  await condition(allHandlersFinished);
}
