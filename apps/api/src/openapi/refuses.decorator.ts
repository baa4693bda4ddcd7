import { SetMetadata } from '@nestjs/common';
import type { RefusalKind } from '../../../../libs/domain/src/failures.js';

export const REFUSAL_KINDS_METADATA = 'breachflow:refusal-kinds';

/**
 * The kinds of refusal the route's use-case (or the workflow rules it asks) can raise; the
 * OpenAPI document then lists each kind's status (REFUSAL_STATUS). What every route of a kind
 * can answer (401, 403 for roles, 400 for input, 404 for an id in the path) needs no listing.
 */
export const Refuses = (...kinds: RefusalKind[]) => SetMetadata(REFUSAL_KINDS_METADATA, kinds);

/** Every kind a workflow rule may raise: a step a workflow judges can be refused for any reason. */
export const WORKFLOW_STEP_REFUSALS: readonly RefusalKind[] = ['forbidden', 'not-found', 'conflict', 'stale', 'unprocessable'];
