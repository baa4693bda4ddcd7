import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What IMY's report needs beyond the first version: supplements follow only when announced (and
 * a supplement may complete the report), the form's last free-text field says what should be kept
 * confidential (an organisation default and a per-report text), and a processor records whether
 * its notice time is agreed in the processing agreement or only an internal target.
 */
export class ImyReport1764400000000 implements MigrationInterface {
  name = 'ImyReport1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE filings DISABLE TRIGGER filings_filed_immutable;
      ALTER TABLE filings RENAME COLUMN information_to_follow TO supplements_to_follow;
      ALTER TABLE filings
        ADD COLUMN completes_report boolean NOT NULL DEFAULT false,
        ADD COLUMN secrecy_request text;
      UPDATE filings SET completes_report = true WHERE kind = 'final';
      ALTER TABLE filings ENABLE TRIGGER filings_filed_immutable;
      ALTER TABLE organisations
        ADD COLUMN secrecy_note text,
        ADD COLUMN processor_notice_time_agreed boolean NOT NULL DEFAULT false;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisations DROP COLUMN secrecy_note, DROP COLUMN processor_notice_time_agreed;
      ALTER TABLE filings DISABLE TRIGGER filings_filed_immutable;
      ALTER TABLE filings DROP COLUMN completes_report, DROP COLUMN secrecy_request;
      ALTER TABLE filings RENAME COLUMN supplements_to_follow TO information_to_follow;
      ALTER TABLE filings ENABLE TRIGGER filings_filed_immutable;
    `);
  }
}
