import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DecideProposal } from '../../../../libs/application/src/decisions/decide-proposal.js';
import { APPROVER_ROLES } from '../../../../libs/domain/src/roles.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { Refuses, WORKFLOW_STEP_REFUSALS } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });

const decisionSchema = { type: 'object', additionalProperties: false, properties: { comment: { type: 'string', minLength: 1, maxLength: 5_000, pattern: '\\S' } } } as const;
const validateDecision = compileValidator<{ comment?: string }>(decisionSchema);
const rejectionSchema = { ...decisionSchema, required: ['comment'] } as const;
const validateRejection = compileValidator<{ comment: string }>(rejectionSchema);

/**
 * The second approval of decisions that lower what is owed: a track "not required", a lowered
 * risk outcome. One person proposed it; another approver or the DPO approves (it takes effect) or
 * rejects it (nothing changes).
 */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents/:id/decisions')
export class IncidentDecisionsController {
  constructor(@Inject(DecideProposal) private readonly decisions: DecideProposal) {}

  @Get()
  @ApiOperation({ summary: 'The decisions proposed on the incident that need a second approval, pending and decided' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.decisions.list(user, id);
  }

  @Post(':decisionId/approve')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Approve a proposed decision (another approver or the DPO, never the proposer): only now does it take effect' })
  @ApiBody({ schema: decisionSchema as object, required: false })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  approve(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('decisionId', uuid) decisionId: string, @Body() body: unknown) {
    return this.decisions.execute(user, id, decisionId, { type: 'approve', comment: validated(validateDecision, body ?? {}).comment });
  }

  @Post(':decisionId/reject')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Reject a proposed decision with a comment saying why: nothing changes (the track stays owed, the outcome stays)' })
  @ApiBody({ schema: rejectionSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  reject(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('decisionId', uuid) decisionId: string, @Body() body: unknown) {
    return this.decisions.execute(user, id, decisionId, { type: 'reject', comment: validated(validateRejection, body ?? {}).comment });
  }
}
