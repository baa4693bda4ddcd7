import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, proxyActivities, setHandler, startChild, uuid4, type ChildWorkflowHandle } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { refuse } from '../libs/domain/src/failures.js';
import type { OrganisationRole } from '../libs/domain/src/incident/incident-facts.js';
import { RISK_OUTCOMES, type RiskOutcome } from '../libs/domain/src/risk/assessment.js';
import { isFilingTrack, TRACK_CATALOGUE, windowMs, type TrackKind } from '../libs/domain/src/tracks/catalogue.js';
import type { TrackStatus } from '../libs/domain/src/tracks/filing-track-state.js';
import { nextOwedTracks, type OwedTrack } from '../libs/domain/src/tracks/owed-tracks.js';
import { refuseClose, refuseTrackNotRequired, type OwedTrackPicture } from '../libs/domain/src/tracks/owed-track-decisions.js';
import { refuseScreening, type ScreeningRecord } from '../libs/domain/src/tracks/screening.js';
import type { ClockActivities, FilingActivities, IncidentActivities } from './activity-contracts.js';
import { DeadlineClock } from './deadline-clock.js';
import {
  closeIncidentUpdate,
  incidentStateQuery,
  markTrackNotRequiredUpdate,
  recordFactsVersionUpdate,
  recordRiskOutcomeUpdate,
  trackStatusSignal,
  recordScreeningUpdate,
  type CloseIncidentRequest,
  type IncidentState,
  type ScreeningUpdateRequest,
  type IncidentWorkflowInput,
  type TrackNotRequiredRequest,
} from './messages.js';
import { refusalFailure } from './refusal-failure.js';
import { filingTrackWorkflow } from './tracks/filing-track.workflow.js';
import { filingTrackWorkflowId, moveAnchorSignal } from './tracks/filing-track.messages.js';

const activityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
} as const;
const clockActivities = proxyActivities<ClockActivities>(activityOptions);
const filingActivities = proxyActivities<FilingActivities>(activityOptions);
const incidentActivities = proxyActivities<IncidentActivities>(activityOptions);

/** The clock the incident holds until the Art. 33 track's own workflow takes it over. */
const ART33 = TRACK_CATALOGUE['gdpr-art33'];
const ART33_WINDOW_MS = windowMs(ART33.deadline!)!;

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
  const wakeForTracksOwedWhileStarting = patched('wake-for-tracks-owed-while-starting');
  const notRequiredNeedsSecondPerson = patched('four-eyes-on-not-required');
  let factsVersion = input.factsVersion;
  let role: OrganisationRole = input.role ?? 'controller';
  let riskOutcome: RiskOutcome | null = input.outcome ?? null;
  // A reopened incident continues from its closed run: the tracks owed stay owed, with their status.
  let tracks: OwedTrack[] = input.resumedFrom ? [...input.resumedFrom.tracks] : [];
  const trackStatus: Partial<Record<TrackKind, TrackStatus>> = { ...input.resumedFrom?.trackStatus };
  const screenings: Partial<Record<TrackKind, ScreeningRecord>> = { ...input.resumedFrom?.screenings };
  /** Track workflows an earlier run started: they keep their own state and are never started again. */
  const startedEarlier = new Set<TrackKind>(input.resumedFrom ? tracks.map((track) => track.kind).filter((kind) => isFilingTrack(kind) && trackStatus[kind] !== undefined) : []);
  const children = new Map<TrackKind, ChildWorkflowHandle<typeof filingTrackWorkflow>>();
  let anchorMoved = false;
  let closed = false;
  const art33 = new DeadlineClock(ART33.kind, new Date(input.awareAt), ART33_WINDOW_MS, input.reminderFractions);
  // Human steps that write to the case file run one at a time, each judged on the state the last one left.
  const steps = new Mutex();

  const state = (): IncidentState => ({
    incidentId: input.incidentId,
    factsVersion,
    role,
    riskOutcome,
    tracks,
    trackStatus: { ...trackStatus },
    status: closed ? 'closed' : 'open',
    clocks: [art33.state(Date.now())],
    screenings: { ...screenings },
  });
  const picture = (): OwedTrackPicture => ({ owed: tracks.map((track) => track.kind), statuses: trackStatus });

  /**
   * A rising outcome makes new tracks owed; a falling one never removes a track already owed.
   * Some tracks are owed before any assessment (the register; a processor's notice).
   */
  const applyOutcome = (outcome: RiskOutcome | null | undefined) => {
    if (outcome !== undefined) riskOutcome = outcome;
    if (riskOutcome === null && role === 'processor' && !processorOwesNoticeBeforeAssessment) return;
    tracks = nextOwedTracks(tracks, riskOutcome, role, new Date(Date.now()).toISOString());
  };
  applyOutcome(riskOutcome);

  /** The incident's own clock stands in until a track's workflow holds the deadline. */
  const ownClockActive = () => !tracksTakeOverClock || (role === 'controller' && riskOutcome === null && !closed);

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
          throw refusalFailure(refuse('stale', `facts version ${recorded.version} is not newer than version ${factsVersion}`, 'version'));
        }
        if (Number.isNaN(new Date(recorded.awareAt).getTime())) throw refusalFailure(refuse('unprocessable', 'awareAt is not a valid instant', 'awareAt'));
        if (recorded.outcome && !RISK_OUTCOMES.includes(recorded.outcome)) throw refusalFailure(refuse('unprocessable', `unknown outcome ${recorded.outcome}`, 'outcome'));
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
          throw refusalFailure(refuse('stale', `the decision concerns facts version ${decided.factsVersion}, but the current version is ${factsVersion}`, 'factsVersion'));
        }
        if (!RISK_OUTCOMES.includes(decided.outcome)) throw refusalFailure(refuse('unprocessable', `unknown outcome ${decided.outcome}`, 'outcome'));
      },
    },
  );
  setHandler(trackStatusSignal, ({ track, status }) => {
    trackStatus[track] = status;
  });

  const judgeNotRequired = (request: TrackNotRequiredRequest) => {
    const refusal = refuseTrackNotRequired(picture(), request.track, request.reason, request.actor, { required: notRequiredNeedsSecondPerson, proposedBy: request.proposedBy });
    if (refusal) throw refusalFailure(refusal);
  };
  setHandler(
    markTrackNotRequiredUpdate,
    (request) =>
      steps.runExclusive(async () => {
        judgeNotRequired(request);
        const track = request.track as TrackKind;
        await filingActivities.recordNotRequired({
          incidentId: input.incidentId,
          organisationId: input.organisationId,
          track,
          reason: request.reason.trim(),
          actorId: request.actor.userId,
        });
        trackStatus[track] = 'not-required';
        return state();
      }),
    { validator: judgeNotRequired },
  );

  const judgeScreening = (request: ScreeningUpdateRequest) => {
    if (closed) throw refusalFailure(refuse('conflict', 'the incident is closed'));
    const refusal = refuseScreening(request, request.actor, screenings);
    if (refusal) throw refusalFailure(refusal);
  };
  setHandler(
    recordScreeningUpdate,
    (request) =>
      steps.runExclusive(async () => {
        judgeScreening(request);
        const track = request.track as TrackKind;
        const now = new Date(Date.now()).toISOString();
        await incidentActivities.recordScreening({
          screeningId: uuid4(),
          incidentId: input.incidentId,
          organisationId: input.organisationId,
          track,
          applies: request.applies,
          reason: request.reason.trim(),
          answers: request.answers,
          actorId: request.actor.userId,
          decidedAt: now,
        });
        screenings[track] = { applies: request.applies, decidedBy: request.actor.userId, decidedAt: now };
        // Screened in, the track is owed from now on; its workflow starts in the main loop.
        if (request.applies && !tracks.some((owed) => owed.kind === track)) tracks = [...tracks, { kind: track, owedSince: now, impliedByCurrentOutcome: true }];
        return state();
      }),
    { validator: judgeScreening },
  );

  const judgeClose = (request: CloseIncidentRequest) => {
    const refusal = refuseClose(picture(), closed, request.actor);
    if (refusal) throw refusalFailure(refusal);
  };
  setHandler(
    closeIncidentUpdate,
    (request) =>
      steps.runExclusive(async () => {
        judgeClose(request);
        await incidentActivities.recordClosed({ incidentId: input.incidentId, organisationId: input.organisationId, actorId: request.actor.userId });
        closed = true;
        return state();
      }),
    { validator: judgeClose },
  );

  const settings = { processorNoticeHours: input.processorNoticeHours, ...input.clockSettings };
  const startOwedTracks = async () => {
    for (const { kind } of tracks) {
      if (!isFilingTrack(kind) || children.has(kind) || startedEarlier.has(kind)) continue;
      const definition = TRACK_CATALOGUE[kind];
      const child = await startChild(filingTrackWorkflow, {
        workflowId: filingTrackWorkflowId(input.incidentId, kind),
        args: [
          {
            incidentId: input.incidentId,
            organisationId: input.organisationId,
            track: kind,
            anchorAt: art33.anchorAt.toISOString(),
            windowMs: windowMs(definition.deadline!, settings)!,
            reminderFractions: input.reminderFractions,
            recipients: definition.reportPerAffectedController ? input.affectedControllers : undefined,
            timeZone: input.timeZone,
            settings,
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
    // A track owed while the ones before it were being started must wake the loop to start it too.
    const seenTracks = wakeForTracksOwedWhileStarting ? knownTracks : tracks.length;
    const woke = () => anchorMoved || closed || (tracksTakeOverClock && (tracks.length !== seenTracks || ownClockActive() !== clockActive));
    // Wait for the next reminder's instant, or for a correction, a new owed track or closure.
    // (condition() without a timeout resolves to nothing, so "woken" is stated explicitly.)
    const interrupted = waitMs === undefined ? (await condition(woke), true) : waitMs > 0 && (await condition(woke, waitMs));
    if (interrupted) {
      if (anchorMoved) {
        anchorMoved = false;
        await recordClock('moved');
        for (const child of children.values()) await child.signal(moveAnchorSignal, { anchorAt: art33.anchorAt.toISOString() });
        for (const kind of startedEarlier) {
          // A track an earlier run started may have completed since: then there is nothing to move.
          await getExternalWorkflowHandle(filingTrackWorkflowId(input.incidentId, kind))
            .signal(moveAnchorSignal, { anchorAt: art33.anchorAt.toISOString() })
            .catch(() => undefined);
        }
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
