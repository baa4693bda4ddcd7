import type { Caller } from '../../../../libs/application/src/caller.js';

/** Who is calling, as carried by the bearer token: the caller every use-case acts for. */
export type AuthenticatedUser = Caller;
