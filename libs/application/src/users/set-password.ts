import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '../../../domain/src/failures.js';
import { passwordProblem } from '../../../domain/src/users/password-policy.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { hashPassword } from '../../../platform/src/password-hasher.js';
import { SessionCheck } from '../auth/session-check.js';
import { passwordTokenHash } from './password-links.js';

/** Never says which: a guessed token learns nothing about the links that exist. */
const UNUSABLE_LINK = 'this link is not valid: it was used already, has expired or was never issued; ask an administrator for a new one';

/**
 * Consumes a one-time link: the person's password is set, the link (and any older one) is spent.
 * A password that replaces another (a reset link) ends every session the person holds: whoever may
 * have known the old one is signed out with it.
 */
@Injectable()
export class SetPassword {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(SessionCheck) private readonly sessionCheck: SessionCheck,
  ) {}

  async execute(token: string, password: string): Promise<{ email: string }> {
    const problem = passwordProblem(password);
    if (problem) throw new InvalidInputError([{ field: 'password', message: problem }]);
    // Hashed before the transaction: scrypt takes a while and must not hold the link's row lock.
    const passwordHash = await hashPassword(password);
    const set = await this.caseFile.transaction(async (repositories) => {
      const now = new Date();
      const link = await repositories.users.usablePasswordLink(passwordTokenHash(token), now);
      const user = link && (await repositories.users.get(link.userId));
      if (!link || !user?.active) throw new InvalidInputError([{ field: 'token', message: UNUSABLE_LINK }]);
      await repositories.users.update(user.id, { passwordHash });
      await repositories.users.consumePasswordLinks(user.id, now);
      const sessionIds = user.passwordHash === null ? [] : await repositories.sessions.revokeAllOfUser(user.id, 'password-reset');
      await repositories.audit.append({ organisationId: user.organisationId, actor: user.id, action: 'user.password-set', detail: { userId: user.id, link: link.purpose, sessionsEnded: sessionIds.length } });
      return { userId: user.id, email: user.email };
    });
    // On this instance from the person's very next request, not only once the cached check has expired.
    this.sessionCheck.forgetUser(set.userId);
    return { email: set.email };
  }
}
