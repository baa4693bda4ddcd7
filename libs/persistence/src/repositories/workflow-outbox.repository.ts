import type { EntityManager } from 'typeorm';

export type OutboxKind = 'start' | 'facts-version' | 'risk-outcome';

export interface OutboxEntry {
  id: string;
  incidentId: string;
  kind: OutboxKind;
  factsVersion: number;
  attempts: number;
}

/** What the workflows must still be told, written with the change it follows. */
export class WorkflowOutboxRepository {
  constructor(private readonly manager: EntityManager) {}

  async enqueue(incidentId: string, kind: OutboxKind, factsVersion: number): Promise<void> {
    await this.manager.query(`INSERT INTO workflow_outbox (incident_id, kind, facts_version) VALUES ($1, $2, $3)`, [incidentId, kind, factsVersion]);
  }

  /** Undelivered entries, oldest first; inside a transaction they are held (SKIP LOCKED) so two relays never take the same. */
  async pending(limit: number, incidentId?: string): Promise<OutboxEntry[]> {
    const rows: Array<{ id: string; incident_id: string; kind: OutboxKind; facts_version: number; attempts: number }> = await this.manager.query(
      `SELECT id, incident_id, kind, facts_version, attempts FROM workflow_outbox
        WHERE delivered_at IS NULL AND ($2::uuid IS NULL OR incident_id = $2)
        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, incidentId ?? null],
    );
    return rows.map((row) => ({ id: row.id, incidentId: row.incident_id, kind: row.kind, factsVersion: row.facts_version, attempts: row.attempts }));
  }

  async delivered(id: string): Promise<void> {
    await this.manager.query(`UPDATE workflow_outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async failed(id: string, failure: string): Promise<void> {
    await this.manager.query(`UPDATE workflow_outbox SET attempts = attempts + 1, last_failure = $2 WHERE id = $1`, [id, failure.slice(0, 200)]);
  }

  /** Whether the incident's workflow has not been started yet (its start is still in the outbox). */
  async startPending(incidentId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM workflow_outbox WHERE incident_id = $1 AND kind = 'start' AND delivered_at IS NULL LIMIT 1`, [incidentId]);
    return rows.length > 0;
  }
}
