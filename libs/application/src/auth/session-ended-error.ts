/** The session a request rests on is no longer good (signed out, expired, deactivated, role changed): sign in again (401). */
export class SessionEndedError extends Error {
  constructor(reason: string) {
    super(`${reason}: sign in again`);
    this.name = 'SessionEndedError';
  }
}
