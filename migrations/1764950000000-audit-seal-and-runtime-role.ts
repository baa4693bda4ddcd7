import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the API, the worker and `audit:verify` connect as (DATABASE_URL); migrations run as the owner. */
export const RUNTIME_ROLE = 'breachflow_app';

/**
 * The audit trail holds against the database's owner and its runtime role:
 *
 * - `audit_events.mac`: each new event's HMAC seal (AuditSeal), under a key the database never
 *   sees. Events written before this migration keep only their hash chain; the first sealed event
 *   links to the last of them, so none of them can be changed without breaking every seal after.
 * - `audit_checkpoints`: the last event each successful verification found, sealed, so deleting
 *   the trail's last events is caught.
 * - the runtime role `breachflow_app`: everything on every table except UPDATE, DELETE and
 *   TRUNCATE on those two (and nothing on the migrations' own table); tables later migrations
 *   create get the same by default. Only the owner can switch the append-only triggers off.
 *
 * Creating a role takes CREATEROLE: an owner without it (a managed database, or docker-compose
 * where deploy/postgres-init.sql creates the role) gets the grants when the role exists, and a
 * notice otherwise; the schema change never depends on it.
 */
export class AuditSealAndRuntimeRole1764950000000 implements MigrationInterface {
  name = 'AuditSealAndRuntimeRole1764950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE audit_events ADD COLUMN mac text;

      CREATE TABLE audit_checkpoints (
        seq bigint PRIMARY KEY,
        mac text NOT NULL,
        seal text NOT NULL,
        recorded_at timestamptz NOT NULL
      );
      CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
            RAISE NOTICE 'role ${RUNTIME_ROLE} does not exist and % may not create it: no runtime grants', current_user;
            RETURN;
          END IF;
          CREATE ROLE ${RUNTIME_ROLE} NOLOGIN;
        END IF;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${RUNTIME_ROLE}', current_database());
        GRANT USAGE ON SCHEMA public TO ${RUNTIME_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${RUNTIME_ROLE};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${RUNTIME_ROLE};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints FROM ${RUNTIME_ROLE};
        REVOKE ALL ON schema_migrations FROM ${RUNTIME_ROLE};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${RUNTIME_ROLE};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${RUNTIME_ROLE};
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${RUNTIME_ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${RUNTIME_ROLE};
          REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${RUNTIME_ROLE};
          REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${RUNTIME_ROLE};
        END IF;
      END $$;
      DROP TABLE audit_checkpoints;
      ALTER TABLE audit_events DROP COLUMN mac;
    `);
  }
}
