import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One immutable risk assessment per facts version and model version, and the human overrides
 * of their outcomes. A new model version adds rows; it never rewrites an old assessment.
 */
export class RiskAssessments1764100000000 implements MigrationInterface {
  name = 'RiskAssessments1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE risk_assessments (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        facts_version int NOT NULL,
        model_version text NOT NULL,
        input_hash text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('no-risk', 'risk', 'high-risk')),
        assessment jsonb NOT NULL,
        assessed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (incident_id, facts_version, model_version),
        FOREIGN KEY (incident_id, facts_version) REFERENCES incident_facts_versions (incident_id, version)
      );

      CREATE TABLE risk_overrides (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        assessment_id uuid NOT NULL REFERENCES risk_assessments(id),
        outcome text NOT NULL CHECK (outcome IN ('no-risk', 'risk', 'high-risk')),
        justification text NOT NULL CHECK (length(justification) >= 20),
        decided_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX risk_overrides_by_incident ON risk_overrides (incident_id, decided_at DESC);

      CREATE TRIGGER risk_assessments_immutable BEFORE UPDATE OR DELETE ON risk_assessments
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER risk_overrides_immutable BEFORE UPDATE OR DELETE ON risk_overrides
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE risk_overrides, risk_assessments');
  }
}
