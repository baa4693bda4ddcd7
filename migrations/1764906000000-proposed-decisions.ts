import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions that lower what the organisation owes — an owed track "not required", an override
 * that lowers the risk outcome — are proposed by one person and take effect only when a second
 * eligible person approves them. The proposal, and then the decision on it, are kept here; an
 * approved override is written to risk_overrides at approval, so nothing reads a pending one as
 * the outcome.
 */
export class ProposedDecisions1764906000000 implements MigrationInterface {
  name = 'ProposedDecisions1764906000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE proposed_decisions (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        subject text NOT NULL CHECK (subject IN ('track-not-required', 'risk-lowered')),
        track text,
        outcome text CHECK (outcome IN ('no-risk', 'risk', 'high-risk')),
        facts_version int,
        reason text NOT NULL CHECK (length(reason) >= 20),
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision text CHECK (decision IN ('approved', 'rejected')),
        comment text,
        CHECK ((subject = 'track-not-required') = (track IS NOT NULL)),
        CHECK ((subject = 'risk-lowered') = (outcome IS NOT NULL AND facts_version IS NOT NULL)),
        CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL)),
        -- Nobody approves their own proposal, whatever path writes the row.
        CHECK (decided_by IS NULL OR decision = 'rejected' OR decided_by <> proposed_by)
      );
      CREATE INDEX proposed_decisions_by_incident ON proposed_decisions (incident_id, proposed_at);
      CREATE UNIQUE INDEX proposed_decisions_one_pending_per_subject ON proposed_decisions (incident_id, subject, coalesce(track, '')) WHERE decision IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE proposed_decisions');
  }
}
