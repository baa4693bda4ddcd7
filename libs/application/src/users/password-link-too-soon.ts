/** How long after an admin sent a person a new link before another may be sent (a double click sends one). */
export const NEW_PASSWORD_LINK_INTERVAL_SECONDS = 60;

/** A new link was sent to this person less than a minute ago: nothing was sent now (429 with Retry-After). */
export class PasswordLinkTooSoonError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`a new link was sent to this person less than ${NEW_PASSWORD_LINK_INTERVAL_SECONDS} s ago: nothing was sent now; if it has not arrived, try again in ${retryAfterSeconds} s`);
    this.name = 'PasswordLinkTooSoonError';
  }
}
