import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IncidentQueries } from '../../../../libs/application/src/incidents/incident-queries.js';
import { OverrideOutcome } from '../../../../libs/application/src/risk/override-outcome.js';
import { APPROVER_ROLES } from '../../../../libs/domain/src/roles.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { riskOverrideSchema, validateRiskOverride } from '../risk/risk-override.request.js';
import { Refuses } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('risk')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class IncidentAssessmentsController {
  constructor(
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
    @Inject(OverrideOutcome) private readonly overrideOutcome: OverrideOutcome,
  ) {}

  @Get('assessments')
  @ApiOperation({ summary: 'Every assessment of every facts version, newest first, with the overrides made on each' })
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.incidents.assessments(user, id);
  }

  @Post('assessment/override')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({
    summary:
      "Override the current assessment's outcome with a written justification (approver or DPO): raising it takes effect at once; lowering it is only proposed (in `pendingDecisions`) until another approver or the DPO approves it",
  })
  @ApiBody({ schema: riskOverrideSchema as object })
  @Refuses('conflict', 'stale')
  override(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.overrideOutcome.execute(user, id, validated(validateRiskOverride, body));
  }
}
