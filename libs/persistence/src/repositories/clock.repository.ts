import type { EntityManager } from 'typeorm';
import type { TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { DeadlineClock } from '../entities/deadline-clock.entity.js';
import { Reminder } from '../entities/reminder.entity.js';

/** A filing clock still running on an open incident: no report filed and no "not required" decision. */
export interface OpenClock {
  incidentId: string;
  reference: string;
  title: string;
  /** The clock: a track (`gdpr-art33`), its supplement period (`gdpr-art33-supplement`) or a stage (`nis2:notification`). */
  kind: string;
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

  /**
   * The organisation's open clocks of the given tracks, soonest deadline first: a track's first
   * clock until a report on it is filed, a stage's clock (`nis2:notification`) until a report of
   * that stage is filed, neither once the track is decided not required.
   */
  async openClocks(organisationId: string, tracks: readonly TrackKind[]): Promise<OpenClock[]> {
    const rows: Array<{ incident_id: string; reference: string; title: string; kind: string; deadline_at: Date }> = await this.manager.query(
      `SELECT c.incident_id, i.reference, i.title, c.kind, c.deadline_at
         FROM deadline_clocks c JOIN incidents i ON i.id = c.incident_id
        WHERE i.organisation_id = $1 AND i.status = 'open' AND split_part(c.kind, ':', 1) = ANY($2)
          AND NOT EXISTS (
            SELECT 1 FROM filings f
             WHERE f.incident_id = c.incident_id AND f.track = split_part(c.kind, ':', 1) AND f.status = 'filed'
               AND (position(':' in c.kind) = 0 OR f.kind = regexp_replace(split_part(c.kind, ':', 2), '-(after-progress|[0-9]+)$', '')))
          AND NOT EXISTS (SELECT 1 FROM track_decisions d WHERE d.incident_id = c.incident_id AND d.track = split_part(c.kind, ':', 1))
        ORDER BY c.deadline_at ASC, i.reference ASC`,
      [organisationId, [...tracks]],
    );
    return rows.map((row) => ({ incidentId: row.incident_id, reference: row.reference, title: row.title, kind: row.kind, deadlineAt: row.deadline_at }));
  }
}
