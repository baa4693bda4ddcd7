import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lex Maria and NIS2: the screening decisions that make them owed, the tasks that go with them
 * (the event analysis, informing the patients, informing the service's recipients), the
 * organisation's designated Lex Maria reporters and its targets for "snarast", and the report kinds
 * of NIS2's staged reporting (the catalogue decides which kinds a track takes).
 */
export class ScreenedTracks1764500000000 implements MigrationInterface {
  name = 'ScreenedTracks1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE filings DROP CONSTRAINT IF EXISTS filings_kind_check;

      ALTER TABLE organisations
        ADD COLUMN lex_maria_reporters uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN lex_maria_report_days int NOT NULL DEFAULT 14 CHECK (lex_maria_report_days BETWEEN 1 AND 90),
        ADD COLUMN lex_maria_investigation_days int NOT NULL DEFAULT 42 CHECK (lex_maria_investigation_days BETWEEN 1 AND 365);

      CREATE TABLE track_screenings (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        track text NOT NULL,
        applies boolean NOT NULL,
        reason text NOT NULL CHECK (length(reason) >= 20),
        answers jsonb NOT NULL,
        decided_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX track_screenings_by_incident ON track_screenings (incident_id, decided_at);
      CREATE TRIGGER track_screenings_immutable BEFORE UPDATE OR DELETE ON track_screenings FOR EACH ROW EXECUTE FUNCTION refuse_change();

      CREATE TABLE track_tasks (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        incident_id uuid NOT NULL REFERENCES incidents(id),
        track text NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'done')),
        data jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id)
      );
      CREATE INDEX track_tasks_by_incident ON track_tasks (incident_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE track_tasks, track_screenings;
      ALTER TABLE organisations DROP COLUMN lex_maria_reporters, DROP COLUMN lex_maria_report_days, DROP COLUMN lex_maria_investigation_days;
    `);
  }
}
