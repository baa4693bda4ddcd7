import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-ins the server can end. `users.active`: a deactivated user can no longer sign in, and the
 * sessions they hold are refused. `sessions`: one per sign-in (a browser's cookie session or an API
 * client's refresh token family), with the role it was granted; revoked by signing out, by "sign out
 * everywhere", or when a refresh token is used twice. `refresh_tokens`: every refresh token a bearer
 * session was given, by its SHA-256 only, so a reused (stolen) one is recognised.
 */
export class RevocableSessions1764940000000 implements MigrationInterface {
  name = 'RevocableSessions1764940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users ADD COLUMN IF NOT EXISTS active boolean NOT NULL DEFAULT true;

      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        role text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('browser', 'bearer')),
        secret_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        CHECK ((kind = 'browser') = (secret_hash IS NOT NULL)),
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      );
      CREATE INDEX sessions_open_by_user ON sessions (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      );
      CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // `active` stays: the user accounts' migration, which runs first, owns it.
    await db.query('DROP TABLE refresh_tokens, sessions');
  }
}
