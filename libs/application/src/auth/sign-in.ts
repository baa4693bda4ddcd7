import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { verifyPassword } from '../../../platform/src/password-hasher.js';
import type { Caller } from '../caller.js';

// Verifying against a real hash for unknown e-mails keeps the response time from revealing who has an account.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Thrown for a wrong e-mail or password, alike, so the answer reveals nothing about who has an account. */
export class WrongCredentialsError extends Error {
  constructor() {
    super('e-mail or password is wrong');
    this.name = 'WrongCredentialsError';
  }
}

/** Exchanges e-mail and password for a signed access token. */
@Injectable()
export class SignIn {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async execute(email: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer'; role: string }> {
    const { accessToken, user } = await this.session(email, password);
    return { accessToken, tokenType: 'Bearer', role: user.role };
  }

  /** The same token with the caller it stands for (the web app keeps it in a session cookie). */
  async session(email: string, password: string): Promise<{ accessToken: string; user: Caller }> {
    const user = await this.caseFile.read.organisations.userByEmail(email);
    // An invited user without a password yet is checked against the dummy too: the same time, never a match.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    // A deactivated account answers as a wrong password does: whether it exists is nobody's business.
    if (!user || !valid || !user.active) throw new WrongCredentialsError();
    const accessToken = await this.jwt.signAsync({ sub: user.id, org: user.organisationId, role: user.role });
    return { accessToken, user: { id: user.id, organisationId: user.organisationId, role: user.role } };
  }
}
