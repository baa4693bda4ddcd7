import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users, incidents with immutable facts versions, clocks, reminders, audit log. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        time_zone text NOT NULL DEFAULT 'Europe/Stockholm',
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('responder', 'approver', 'dpo', 'admin', 'viewer')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

      CREATE TABLE incidents (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        reference text NOT NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        aware_at timestamptz NOT NULL,
        current_facts_version int NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, reference)
      );
      CREATE INDEX incidents_by_organisation ON incidents (organisation_id, created_at DESC);

      CREATE TABLE incident_facts_versions (
        incident_id uuid NOT NULL REFERENCES incidents(id),
        version int NOT NULL CHECK (version >= 1),
        facts jsonb NOT NULL,
        change_reason text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, version)
      );

      CREATE TABLE deadline_clocks (
        incident_id uuid NOT NULL REFERENCES incidents(id),
        kind text NOT NULL,
        anchor_at timestamptz NOT NULL,
        deadline_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, kind)
      );

      CREATE TABLE reminders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        clock_kind text NOT NULL,
        reminder_key text NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL,
        UNIQUE (incident_id, clock_kind, reminder_key)
      );

      CREATE TABLE idempotency_keys (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        key text NOT NULL,
        request_hash text NOT NULL,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, key)
      );

      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        organisation_id uuid REFERENCES organisations(id),
        incident_id uuid REFERENCES incidents(id),
        actor text NOT NULL,
        action text NOT NULL,
        detail jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      );
      CREATE INDEX audit_events_by_incident ON audit_events (incident_id, seq);

      -- Facts versions and audit rows are written once; the database itself refuses changes.
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER incident_facts_versions_immutable BEFORE UPDATE OR DELETE ON incident_facts_versions
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_events, idempotency_keys, reminders, deadline_clocks, incident_facts_versions, incidents, users, organisations;
      DROP FUNCTION refuse_change();
    `);
  }
}
