import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The track catalogue in the domain decides which tracks exist, so the database no longer lists
 * them; a report remembers who rendered its current revision (the four-eyes rule judges against
 * that person) and the justification of a "no breach after all" report, so a re-render keeps it.
 */
export class TrackCatalogue1764300000000 implements MigrationInterface {
  name = 'TrackCatalogue1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE filings DROP CONSTRAINT IF EXISTS filings_track_check;
      ALTER TABLE filings DISABLE TRIGGER filings_filed_immutable;
      ALTER TABLE filings
        ADD COLUMN last_editor_id uuid REFERENCES users(id),
        ADD COLUMN no_breach_justification text;
      UPDATE filings SET last_editor_id = author_id;
      ALTER TABLE filings ALTER COLUMN last_editor_id SET NOT NULL;
      ALTER TABLE filings ENABLE TRIGGER filings_filed_immutable;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE filings DISABLE TRIGGER filings_filed_immutable;
      ALTER TABLE filings DROP COLUMN last_editor_id, DROP COLUMN no_breach_justification;
      ALTER TABLE filings ADD CONSTRAINT filings_track_check CHECK (track IN ('gdpr-art33', 'gdpr-art33-2'));
      ALTER TABLE filings ENABLE TRIGGER filings_filed_immutable;
    `);
  }
}
