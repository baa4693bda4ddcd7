import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regulatory tracks' paper trail: filings (drafts, approvals, recorded filings and their
 * supplements), reviews, "not required" decisions, in-app notifications, sent e-mails, and
 * the organisation profile a filing needs (controller details, contact point, clock settings).
 */
export class Filings1764200000000 implements MigrationInterface {
  name = 'Filings1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisations
        ADD COLUMN legal_name text,
        ADD COLUMN org_number text CHECK (org_number IS NULL OR org_number ~ '^[0-9]{6}-[0-9]{4}$'),
        ADD COLUMN postal_address text,
        ADD COLUMN contact_name text,
        ADD COLUMN contact_email text,
        ADD COLUMN contact_phone text,
        ADD COLUMN contact_role text,
        ADD COLUMN reminder_fractions jsonb NOT NULL DEFAULT '[0.5, 0.75, 0.9, 1]',
        ADD COLUMN processor_notice_hours int NOT NULL DEFAULT 24 CHECK (processor_notice_hours BETWEEN 1 AND 72);

      ALTER TABLE incidents
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_by uuid REFERENCES users(id);

      CREATE TABLE filings (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        incident_id uuid NOT NULL REFERENCES incidents(id),
        track text NOT NULL CHECK (track IN ('gdpr-art33', 'gdpr-art33-2')),
        kind text NOT NULL CHECK (kind IN ('initial', 'supplement', 'final', 'no-breach')),
        language text NOT NULL CHECK (language IN ('sv', 'en')),
        sequence int NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'approved', 'filed')),
        revision int NOT NULL DEFAULT 1,
        recipient text,
        facts_version int NOT NULL,
        document jsonb NOT NULL,
        information_to_follow text,
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        filed_at timestamptz,
        filed_by uuid REFERENCES users(id),
        channel text,
        reference text,
        reference_recorded_at timestamptz,
        delay_reason text,
        late boolean,
        supersedes_id uuid REFERENCES filings(id),
        UNIQUE (incident_id, track, sequence)
      );
      CREATE INDEX filings_by_incident ON filings (incident_id, track, sequence);

      -- Filed content is immutable: after filing, only the authority's reference may be added, once.
      CREATE FUNCTION filed_filing_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status = 'filed' THEN RAISE EXCEPTION 'a filed report is immutable' USING ERRCODE = 'insufficient_privilege'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'filed' THEN
          IF OLD.reference IS NOT NULL
             OR (to_jsonb(NEW) - 'reference' - 'reference_recorded_at' - 'updated_at') <> (to_jsonb(OLD) - 'reference' - 'reference_recorded_at' - 'updated_at') THEN
            RAISE EXCEPTION 'a filed report is immutable (only the authority''s reference may be added, once)' USING ERRCODE = 'insufficient_privilege';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER filings_filed_immutable BEFORE UPDATE OR DELETE ON filings FOR EACH ROW EXECUTE FUNCTION filed_filing_guard();

      CREATE TABLE filing_reviews (
        id uuid PRIMARY KEY,
        filing_id uuid NOT NULL REFERENCES filings(id),
        revision int NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        comment text,
        reviewer_id uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE track_decisions (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        track text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('not-required')),
        reason text NOT NULL CHECK (length(reason) >= 20),
        decided_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (incident_id, track)
      );

      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        incident_id uuid REFERENCES incidents(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC);

      CREATE TABLE sent_emails (
        idempotency_key text PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        incident_id uuid REFERENCES incidents(id),
        recipient_user_id uuid NOT NULL REFERENCES users(id),
        template text NOT NULL,
        message_id text,
        sent_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TRIGGER filing_reviews_immutable BEFORE UPDATE OR DELETE ON filing_reviews FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER track_decisions_immutable BEFORE UPDATE OR DELETE ON track_decisions FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE sent_emails, notifications, track_decisions, filing_reviews, filings;
      DROP FUNCTION filed_filing_guard();
      ALTER TABLE incidents DROP COLUMN closed_at, DROP COLUMN closed_by;
      ALTER TABLE organisations DROP COLUMN legal_name, DROP COLUMN org_number, DROP COLUMN postal_address,
        DROP COLUMN contact_name, DROP COLUMN contact_email, DROP COLUMN contact_phone, DROP COLUMN contact_role,
        DROP COLUMN reminder_fractions, DROP COLUMN processor_notice_hours;
    `);
  }
}
