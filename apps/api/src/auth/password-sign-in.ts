import { raise } from '../../../../libs/domain/src/failures.js';
import type { AppConfig } from '../../../../libs/platform/src/config.js';

export const PASSWORD_SIGN_IN_OFF = "password sign-in is switched off here (PASSWORD_SIGN_IN=off): sign in with your organisation's account (single sign-on, GET /api/auth/oidc/start)";

/** Refuses a password step (signing in, choosing a password, inviting someone to choose one) when the deployment allows single sign-on only. */
export function refuseWhenPasswordsOff(config: AppConfig): void {
  if (config.PASSWORD_SIGN_IN === 'off') raise('forbidden', PASSWORD_SIGN_IN_OFF);
}
