import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox between the case file and the workflows: what an incident's workflow
 * must be told (start, a new facts version, a decided outcome) is written in the same transaction
 * as the change, and a relay delivers it until Temporal accepts.
 */
export class WorkflowOutbox1764700000000 implements MigrationInterface {
  name = 'WorkflowOutbox1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workflow_outbox (
        id bigserial PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        kind text NOT NULL CHECK (kind IN ('start', 'facts-version', 'risk-outcome')),
        facts_version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        last_failure text,
        delivered_at timestamptz
      );
      CREATE INDEX workflow_outbox_pending ON workflow_outbox (id) WHERE delivered_at IS NULL;
      CREATE INDEX workflow_outbox_by_incident ON workflow_outbox (incident_id) WHERE delivered_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE workflow_outbox');
  }
}
