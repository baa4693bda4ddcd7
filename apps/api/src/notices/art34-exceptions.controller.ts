import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Art34Exceptions } from '../../../../libs/application/src/notices/art34-exceptions.js';
import { ART34_GROUNDS, type ExceptionProposal } from '../../../../libs/domain/src/notices/art34-exception.js';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../../../../libs/domain/src/roles.js';
import { WRITTEN_REASON_MIN_LENGTH } from '../../../../libs/domain/src/tracks/catalogue.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { Refuses, WORKFLOW_STEP_REFUSALS } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });

const proposalSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ground', 'reason'],
  properties: {
    ground: { enum: ART34_GROUNDS, description: "Art. 34(3): (a) the data were unintelligible to others, (b) later measures removed the high risk, (c) disproportionate effort — a public notice instead (needs an approved public notice)." },
    reason: { type: 'string', minLength: WRITTEN_REASON_MIN_LENGTH, maxLength: 5_000, pattern: '\\S' },
  },
} as const;
const validateProposal = compileValidator<ExceptionProposal>(proposalSchema);
const decisionSchema = { type: 'object', additionalProperties: false, properties: { comment: { type: 'string', minLength: 1, maxLength: 5_000, pattern: '\\S' } } } as const;
const validateDecision = compileValidator<{ comment?: string }>(decisionSchema);

/** Art. 34(3) exceptions: proposed by one person, decided by another. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('api/incidents/:id/tracks/gdpr-art34')
export class Art34ExceptionsController {
  constructor(@Inject(Art34Exceptions) private readonly exceptions: Art34Exceptions) {}

  @Post('exception')
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Propose that the people need not be told (Art. 34(3)), with the ground and the reason; another approver or the DPO decides' })
  @ApiBody({ schema: proposalSchema as object })
  @Refuses('forbidden', 'conflict', 'unprocessable')
  propose(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.exceptions.propose(user, id, validated(validateProposal, body));
  }

  @Get('exceptions')
  @ApiOperation({ summary: 'The Art. 34(3) proposals and decisions of the incident' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.exceptions.list(user, id);
  }

  @Post('exception/:exceptionId/approve')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Approve the exception (not the proposer): the Art. 34 track is settled as not required, and the register records the ground' })
  @ApiBody({ schema: decisionSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  approve(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('exceptionId', uuid) exceptionId: string, @Body() body: unknown) {
    return this.exceptions.decide(user, id, exceptionId, 'approved', validated(validateDecision, body ?? {}).comment);
  }

  @Post('exception/:exceptionId/reject')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Reject the exception with a comment: the people are to be told' })
  @ApiBody({ schema: { ...decisionSchema, required: ['comment'] } as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  reject(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('exceptionId', uuid) exceptionId: string, @Body() body: unknown) {
    return this.exceptions.decide(user, id, exceptionId, 'rejected', validated(validateDecision, body ?? {}).comment);
  }
}
