import { SetMetadata } from '@nestjs/common';

export const ANSWERS_WITHOUT_SERVICES = 'breachflow:answers-without-services';

/**
 * The route answers from the request and the code alone — no PostgreSQL, no Temporal — so, when
 * it is also @Public(), it cannot answer 503 when they are away. (An authenticated route still
 * can: the guard reads the caller's session from PostgreSQL, cached for at most 5 seconds.)
 */
export const AnswersWithoutServices = () => SetMetadata(ANSWERS_WITHOUT_SERVICES, true);
