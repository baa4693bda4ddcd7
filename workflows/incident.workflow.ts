import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ClockActivities } from '../apps/worker/src/activities/clock.activities.js';
import { ART33_CLOCK, ART33_WINDOW_MS } from '../libs/domain/src/gdpr/art33.js';
import type { OrganisationRole } from '../libs/domain/src/incident/incident-facts.js';
import type { RiskOutcome } from '../libs/domain/src/risk/assessment.js';
import { nextOwedTracks, type OwedTrack } from '../libs/domain/src/tracks/owed-tracks.js';
import { DeadlineClock } from './deadline-clock.js';
import {
  incidentStateQuery,
  recordFactsVersionUpdate,
  recordRiskOutcomeUpdate,
  type IncidentState,
  type IncidentWorkflowInput,
} from './messages.js';

const clockActivities = proxyActivities<ClockActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const RISK_OUTCOMES: readonly RiskOutcome[] = ['no-risk', 'risk', 'high-risk'];

/**
 * One incident, from awareness to closure. It holds the Art. 33 clock (72 hours from
 * awareness) and fires its reminders, and it keeps the regulatory tracks the risk outcome
 * makes owed; the tracks' own work joins as child workflows.
 */
export async function incidentWorkflow(input: IncidentWorkflowInput): Promise<void> {
  let factsVersion = input.factsVersion;
  let role: OrganisationRole = input.role ?? 'controller';
  let riskOutcome: RiskOutcome | null = input.outcome ?? null;
  let tracks: OwedTrack[] = riskOutcome ? nextOwedTracks([], riskOutcome, role, new Date(Date.now()).toISOString()) : [];
  let anchorMoved = false;
  const art33 = new DeadlineClock(ART33_CLOCK, new Date(input.awareAt), ART33_WINDOW_MS, input.reminderFractions);

  const state = (): IncidentState => ({
    incidentId: input.incidentId,
    factsVersion,
    role,
    riskOutcome,
    tracks,
    clocks: [art33.state(Date.now())],
  });

  /** A rising outcome makes new tracks owed; a falling one never removes a track already owed. */
  const applyOutcome = (outcome: RiskOutcome | null | undefined) => {
    if (outcome === undefined) return;
    riskOutcome = outcome;
    if (outcome) tracks = nextOwedTracks(tracks, outcome, role, new Date(Date.now()).toISOString());
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
  for (;;) {
    const next = art33.nextUnfired();
    const waitMs = next ? next.dueAt.getTime() - Date.now() : undefined;
    // Wait for the next reminder's instant, or for a correction of awareAt that moves it.
    const moved = waitMs === undefined ? await condition(() => anchorMoved) : waitMs > 0 && (await condition(() => anchorMoved, waitMs));
    if (moved) {
      anchorMoved = false;
      await recordClock('moved');
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
}
