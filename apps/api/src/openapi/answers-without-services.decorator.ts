import { SetMetadata } from '@nestjs/common';

export const ANSWERS_WITHOUT_SERVICES = 'breachflow:answers-without-services';

/**
 * The route answers from the request and the code alone — no PostgreSQL, no Temporal — so it
 * cannot answer 503 when they are away. (Authentication checks the token's signature only; a
 * guard that reads the database would make every authenticated route need it.)
 */
export const AnswersWithoutServices = () => SetMetadata(ANSWERS_WITHOUT_SERVICES, true);
