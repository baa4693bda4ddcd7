import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '../../../domain/src/failures.js';
import { passwordProblem } from '../../../domain/src/users/password-policy.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { hashPassword } from '../../../platform/src/password-hasher.js';
import { passwordTokenHash } from './password-links.js';

/** Never says which: a guessed token learns nothing about the links that exist. */
const UNUSABLE_LINK = 'this link is not valid: it was used already, has expired or was never issued; ask an administrator for a new one';

/** Consumes a one-time link: the person's password is set, the link (and any older one) is spent. */
@Injectable()
export class SetPassword {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async execute(token: string, password: string): Promise<{ email: string }> {
    const problem = passwordProblem(password);
    if (problem) throw new InvalidInputError([{ field: 'password', message: problem }]);
    // Hashed before the transaction: scrypt takes a while and must not hold the link's row lock.
    const passwordHash = await hashPassword(password);
    return this.caseFile.transaction(async (repositories) => {
      const now = new Date();
      const link = await repositories.users.usablePasswordLink(passwordTokenHash(token), now);
      const user = link && (await repositories.users.get(link.userId));
      if (!link || !user?.active) throw new InvalidInputError([{ field: 'token', message: UNUSABLE_LINK }]);
      await repositories.users.update(user.id, { passwordHash });
      await repositories.users.consumePasswordLinks(user.id, now);
      await repositories.audit.append({ organisationId: user.organisationId, actor: user.id, action: 'user.password-set', detail: { userId: user.id, link: link.purpose } });
      return { email: user.email };
    });
  }
}
