import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails to staff (reminders, escalations, digests, alerts) that the mail server or the mailer
 * refused for good: kept by idempotency key, so a retried activity never sends the refused
 * message again, and by person, so the DPO and admins can be told whose address bounces. Codes
 * only (`EENVELOPE RCPT TO 550`), never the address or the server's reply.
 */
export class RefusedEmails1764800000000 implements MigrationInterface {
  name = 'RefusedEmails1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE refused_emails (
        idempotency_key text PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        incident_id uuid REFERENCES incidents(id),
        recipient_user_id uuid NOT NULL REFERENCES users(id),
        template text NOT NULL,
        failure text NOT NULL,
        response_code int,
        refused_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refused_emails_by_recipient ON refused_emails (recipient_user_id, refused_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE refused_emails');
  }
}
