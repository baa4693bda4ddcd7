import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PasswordLinkPurpose } from '../../../persistence/src/entities/password-link.entity.js';
import type { Repositories } from '../../../persistence/src/case-file.js';

/** How long a one-time link to set a password works. */
export const PASSWORD_LINK_VALIDITY_MS = 24 * 3600 * 1000;

/** Only the hash is stored: a copy of the table holds no link that still works. */
export const passwordTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The page of the web app that sets the password. The token is in the fragment: browsers never
 * send a fragment to a server, so it stays out of access logs, proxies and Referer headers.
 */
export const passwordLinkUrl = (publicUrl: string, token: string): string => `${new URL('/set-password', publicUrl).href}#token=${token}`;

export interface IssuedPasswordLink {
  id: string;
  token: string;
  expiresAt: Date;
}

/** A new one-time link for this user (256 random bits), stored as its hash in the caller's transaction. */
export async function issuePasswordLink(
  repositories: Repositories,
  link: { userId: string; purpose: PasswordLinkPurpose; createdBy: string; now: Date },
): Promise<IssuedPasswordLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(link.now.getTime() + PASSWORD_LINK_VALIDITY_MS);
  const id = randomUUID();
  await repositories.users.insertPasswordLink({ id, userId: link.userId, tokenHash: passwordTokenHash(token), purpose: link.purpose, createdBy: link.createdBy, expiresAt });
  return { id, token, expiresAt };
}
