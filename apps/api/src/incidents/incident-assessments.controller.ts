import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/invalid-input.exception.js';
import { riskOverrideSchema, validateRiskOverride } from '../risk/risk-override.request.js';
import { IncidentsService } from './incidents.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('risk')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class IncidentAssessmentsController {
  constructor(@Inject(IncidentsService) private readonly incidents: IncidentsService) {}

  @Get('assessments')
  @ApiOperation({ summary: 'Every assessment of every facts version, newest first, with the overrides made on each' })
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.incidents.assessments(user, id);
  }

  @Post('assessment/override')
  @HttpCode(200)
  @Roles('approver', 'dpo')
  @ApiOperation({ summary: "Override the current assessment's outcome with a written justification (approver or DPO)" })
  @ApiBody({ schema: riskOverrideSchema as object })
  override(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.incidents.overrideOutcome(user, id, validated(validateRiskOverride, body));
  }
}
