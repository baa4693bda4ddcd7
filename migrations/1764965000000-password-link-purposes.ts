import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more reasons for a one-time link, both sent by an admin from the users API: a new invitation
 * for someone who never chose a password (the first expired, was lost, or died with a deactivation)
 * and a password reset for someone who has one. Kept apart from `invitation` so that the audit trail
 * says which link was used, and so that only links an admin sent again count towards the one-a-minute limit.
 */
export class PasswordLinkPurposes1764965000000 implements MigrationInterface {
  name = 'PasswordLinkPurposes1764965000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE password_links
        DROP CONSTRAINT password_links_purpose_check,
        ADD CONSTRAINT password_links_purpose_check CHECK (purpose IN ('invitation', 'first-admin', 'renewed-invitation', 'password-reset'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE password_links SET purpose = 'invitation' WHERE purpose IN ('renewed-invitation', 'password-reset');
      ALTER TABLE password_links
        DROP CONSTRAINT password_links_purpose_check,
        ADD CONSTRAINT password_links_purpose_check CHECK (purpose IN ('invitation', 'first-admin'));
    `);
  }
}
