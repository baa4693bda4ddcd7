import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Art. 34 notices: the people to tell (their contact details sealed with AES-256-GCM, a keyed hash
 * to recognise the same person twice, masked forms for lists), the notices with their four-eyes
 * reviews, one delivery row per notice and person, and the Art. 34(3) exception decisions.
 */
export class Notices1764600000000 implements MigrationInterface {
  name = 'Notices1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notice_recipients (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        incident_id uuid NOT NULL REFERENCES incidents(id),
        identity_hash text NOT NULL,
        key_id text,
        sealed bytea,
        masked jsonb NOT NULL,
        channels text[] NOT NULL,
        language text NOT NULL CHECK (language IN ('sv', 'en', 'sv-easy')),
        segment text,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        purged_at timestamptz,
        CHECK ((sealed IS NULL) = (purged_at IS NOT NULL)),
        UNIQUE (incident_id, identity_hash)
      );
      CREATE INDEX notice_recipients_by_incident ON notice_recipients (incident_id, id);

      CREATE TABLE notices (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        incident_id uuid NOT NULL REFERENCES incidents(id),
        channel text NOT NULL CHECK (channel IN ('email', 'letter', 'sms', 'public')),
        language text NOT NULL CHECK (language IN ('sv', 'en', 'sv-easy')),
        target_language text,
        segment text,
        content jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'approved', 'sending', 'paused', 'sent', 'cancelled')),
        revision int NOT NULL,
        missing jsonb NOT NULL,
        readability jsonb,
        author_id uuid NOT NULL REFERENCES users(id),
        last_editor_id uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        send_started_at timestamptz,
        sent_at timestamptz,
        public_slug text UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX notices_by_incident ON notices (incident_id, created_at);

      CREATE TABLE notice_reviews (
        id uuid PRIMARY KEY,
        notice_id uuid NOT NULL REFERENCES notices(id),
        revision int NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        comment text,
        reviewer_id uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL
      );
      CREATE TRIGGER notice_reviews_immutable BEFORE UPDATE OR DELETE ON notice_reviews FOR EACH ROW EXECUTE FUNCTION refuse_change();

      CREATE TABLE notice_deliveries (
        notice_id uuid NOT NULL REFERENCES notices(id),
        recipient_id uuid NOT NULL REFERENCES notice_recipients(id),
        identity_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
        attempts int NOT NULL DEFAULT 0,
        failure text,
        message_id text,
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notice_id, recipient_id)
      );
      CREATE INDEX notice_deliveries_to_send ON notice_deliveries (notice_id, status, recipient_id);

      CREATE TABLE track_exceptions (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        track text NOT NULL,
        ground text NOT NULL,
        reason text NOT NULL CHECK (length(reason) >= 20),
        public_notice_id uuid REFERENCES notices(id),
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision text CHECK (decision IN ('approved', 'rejected')),
        comment text
      );
      CREATE INDEX track_exceptions_by_incident ON track_exceptions (incident_id, proposed_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE track_exceptions, notice_deliveries, notice_reviews, notices, notice_recipients');
  }
}
