import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people manage themselves: a user may be deactivated (`active`; added only if another
 * migration has not already), may exist before choosing a password (an invitation: no hash yet),
 * and sets it through a one-time link. A link is stored as the SHA-256 of its token, never the
 * token: whoever reads the table cannot use a link that is still valid.
 */
export class UserAccounts1764910000000 implements MigrationInterface {
  name = 'UserAccounts1764910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users ADD COLUMN IF NOT EXISTS active boolean NOT NULL DEFAULT true;
      ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
      CREATE TABLE password_links (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'first-admin')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX password_links_by_user ON password_links (user_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // `active` stays: it may belong to the migration that added it first.
    await db.query(`
      DROP TABLE password_links;
      UPDATE users SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
    `);
  }
}
