import type { EntityManager } from 'typeorm';
import type { TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { DeadlineClock } from '../entities/deadline-clock.entity.js';
import { Reminder } from '../entities/reminder.entity.js';

/** A filing clock still running on an open incident: no report filed and no "not required" decision. */
export interface OpenClock {
  incidentId: string;
  reference: string;
  title: string;
  kind: TrackKind;
  deadlineAt: Date;
}

/** The deadline clocks as the workflows last reported them, and every reminder that fired. */
export class ClockRepository {
  constructor(private readonly manager: EntityManager) {}

  find(incidentId: string, kind: string): Promise<DeadlineClock | null> {
    return this.manager.findOneBy(DeadlineClock, { incidentId, kind });
  }

  ofIncident(incidentId: string): Promise<DeadlineClock[]> {
    return this.manager.findBy(DeadlineClock, { incidentId });
  }

  async save(clock: Omit<DeadlineClock, 'updatedAt'>): Promise<void> {
    await this.manager.upsert(DeadlineClock, clock, ['incidentId', 'kind']);
  }

  /** Records a reminder once; false when it was already recorded (a retry or a replay). */
  async recordReminderOnce(reminder: Omit<Reminder, 'id'>): Promise<boolean> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO reminders (incident_id, clock_kind, reminder_key, due_at, fired_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (incident_id, clock_kind, reminder_key) DO NOTHING
       RETURNING id`,
      [reminder.incidentId, reminder.clockKind, reminder.reminderKey, reminder.dueAt, reminder.firedAt],
    );
    return inserted.length > 0;
  }

  firedReminders(incidentId: string): Promise<Reminder[]> {
    return this.manager.findBy(Reminder, { incidentId });
  }

  /** The organisation's open clocks of the given tracks, soonest deadline first. */
  async openClocks(organisationId: string, kinds: readonly TrackKind[]): Promise<OpenClock[]> {
    const rows: Array<{ incident_id: string; reference: string; title: string; kind: TrackKind; deadline_at: Date }> = await this.manager.query(
      `SELECT c.incident_id, i.reference, i.title, c.kind, c.deadline_at
         FROM deadline_clocks c JOIN incidents i ON i.id = c.incident_id
        WHERE i.organisation_id = $1 AND i.status = 'open' AND c.kind = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM filings f WHERE f.incident_id = c.incident_id AND f.track = c.kind AND f.status = 'filed')
          AND NOT EXISTS (SELECT 1 FROM track_decisions d WHERE d.incident_id = c.incident_id AND d.track = c.kind)
        ORDER BY c.deadline_at ASC, i.reference ASC`,
      [organisationId, [...kinds]],
    );
    return rows.map((row) => ({ incidentId: row.incident_id, reference: row.reference, title: row.title, kind: row.kind, deadlineAt: row.deadline_at }));
  }
}
