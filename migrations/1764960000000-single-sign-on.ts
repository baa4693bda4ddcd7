import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from './1764950000000-audit-seal-and-runtime-role.js';

/**
 * Single sign-on. `sso_group_roles`: each organisation's mapping from its identity provider's
 * groups to a role, edited by its admins; a group may appear in several organisations' mappings
 * (their members are then refused, see libs/domain/src/users/sso-group-roles.ts), so the key is
 * the organisation and the group. `users.oidc_issuer`/`oidc_subject`: the account a person's
 * provider identity is bound to at their first SSO sign-in, so that a later change of e-mail
 * address at the provider cannot land them in someone else's account.
 *
 * The runtime role gets the new table by the default privileges the audit-seal migration set; it
 * is granted here too, for a database whose role was created after that migration ran.
 */
export class SingleSignOn1764960000000 implements MigrationInterface {
  name = 'SingleSignOn1764960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sso_group_roles (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        group_name text NOT NULL CHECK (length(group_name) BETWEEN 1 AND 256),
        role text NOT NULL CHECK (role IN ('responder', 'approver', 'dpo', 'admin', 'viewer')),
        PRIMARY KEY (organisation_id, group_name)
      );
      CREATE INDEX sso_group_roles_by_group ON sso_group_roles (group_name);

      ALTER TABLE users ADD COLUMN oidc_issuer text, ADD COLUMN oidc_subject text,
        ADD CONSTRAINT users_oidc_identity_whole CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
      CREATE UNIQUE INDEX users_oidc_identity_unique ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON sso_group_roles TO ${RUNTIME_ROLE};
        END IF;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX users_oidc_identity_unique;
      ALTER TABLE users DROP CONSTRAINT users_oidc_identity_whole, DROP COLUMN oidc_subject, DROP COLUMN oidc_issuer;
      DROP TABLE sso_group_roles;
    `);
  }
}
