import { Inject, Injectable } from '@nestjs/common';
import type { Text, TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { isTrackKind } from '../../../domain/src/tracks/catalogue.js';
import { TASK_CATALOGUE } from '../../../domain/src/tracks/tasks/task-kinds.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';
import { IncidentQueries } from './incident-queries.js';
import { clockName, trackOfClock } from '../../../domain/src/tracks/clock-names.js';
import { describeAction } from './timeline-wording.js';

export interface TimelineEntry {
  at: string;
  /** `event`: something that happened (from the audit trail); `deadline`: when a clock runs out or a task is due. */
  type: 'event' | 'deadline';
  /** The audited action (`filing.approved`, `clock.reminder-fired`, …), `deadline` or `task-due`. */
  action: string;
  track: TrackKind | null;
  /** The clock, for clock events and deadlines (`gdpr-art33`, `nis2:notification`, …). */
  clock: string | null;
  who: { id: string; name: string | null } | null;
  summary: Text;
  /** The audit event's sequence number: the order events were recorded in. */
  seq: string | null;
}

/**
 * Every clock and deadline of every track, the reminders fired, the drafts, approvals, filings and
 * decisions, in time order, with who did what. Made from the audit trail and the case file's
 * clocks, so it reads the same whether the workflows are up or not; it names people by their
 * display names and carries no facts.
 */
@Injectable()
export class IncidentTimeline {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  async get(caller: Caller, incidentId: string): Promise<{ items: TimelineEntry[] }> {
    const incident = await this.incidents.owned(caller, incidentId);
    const read = this.caseFile.read;
    const [events, clocks, filings, tasks] = await Promise.all([read.audit.ofIncident(incident.id), read.clocks.ofIncident(incident.id), read.filings.ofIncident(incident.id), read.tasks.ofIncident(incident.id)]);
    const names = await read.organisations.displayNames(events.map((event) => event.actor));
    const trackOfFiling = new Map(filings.map((filing) => [filing.id, filing.track]));

    const happened: TimelineEntry[] = events.map((event) => {
      const clock = typeof event.detail.clock === 'string' ? event.detail.clock : null;
      const named = typeof event.detail.track === 'string' ? event.detail.track : typeof event.detail.filingId === 'string' ? trackOfFiling.get(event.detail.filingId) : undefined;
      const track = named !== undefined && isTrackKind(named) ? named : clock ? trackOfClock(clock) : null;
      return {
        at: event.occurredAt.toISOString(),
        type: 'event',
        action: event.action,
        track,
        clock,
        who: { id: event.actor, name: names.get(event.actor) ?? null },
        summary: describeAction(event.action, event.detail, track),
        seq: event.seq,
      };
    });
    const deadlines: TimelineEntry[] = clocks.map((clock) => {
      const name = clockName(clock.kind);
      return {
        at: clock.deadlineAt.toISOString(),
        type: 'deadline',
        action: 'deadline',
        track: trackOfClock(clock.kind),
        clock: clock.kind,
        who: null,
        summary: { sv: `Tidsfrist: ${name.sv}`, en: `Deadline: ${name.en}` },
        seq: null,
      };
    });
    const taskTargets: TimelineEntry[] = tasks
      .filter((task) => task.dueAt !== null)
      .map((task) => ({
        at: task.dueAt!.toISOString(),
        type: 'deadline',
        action: 'task-due',
        track: isTrackKind(task.track) ? task.track : null,
        clock: null,
        who: null,
        summary: { sv: `Mål: ${TASK_CATALOGUE[task.kind].title.sv}`, en: `Target: ${TASK_CATALOGUE[task.kind].title.en}` },
        seq: null,
      }));
    // Events keep the order they were recorded in when they share an instant; deadlines follow them.
    const items = [...happened, ...deadlines, ...taskTargets].sort(
      (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.seq === null ? 1 : 0) - (b.seq === null ? 1 : 0) || Number(a.seq ?? 0) - Number(b.seq ?? 0),
    );
    return { items };
  }
}
