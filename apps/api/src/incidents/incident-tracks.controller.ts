import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FilingSteps } from '../../../../libs/application/src/filings/filing-steps.js';
import { CloseIncident } from '../../../../libs/application/src/incidents/close-incident.js';
import { IncidentQueries } from '../../../../libs/application/src/incidents/incident-queries.js';
import { APPROVER_ROLES } from '../../../../libs/domain/src/roles.js';
import { rolesForStep, TRACK_KINDS } from '../../../../libs/domain/src/tracks/catalogue.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { notRequiredSchema, validateNotRequired } from '../filings/filing-requests.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class IncidentTracksController {
  constructor(
    @Inject(FilingSteps) private readonly filings: FilingSteps,
    @Inject(CloseIncident) private readonly closeIncident: CloseIncident,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  @Post('tracks/:kind/not-required')
  @HttpCode(200)
  @Roles(...rolesForStep('decideNotRequired'))
  @ApiOperation({ summary: 'Decide that an owed track is not required, with the reason (the roles the track allows)' })
  @ApiParam({ name: 'kind', enum: TRACK_KINDS })
  @ApiBody({ schema: notRequiredSchema as object })
  async notRequired(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('kind') kind: string, @Body() body: unknown) {
    const { reason } = validated(validateNotRequired, body);
    await this.filings.markNotRequired(user, id, kind, reason);
    return this.incidents.get(user, id);
  }

  /** Closes the incident when its register entry is complete and every owed track is settled. */
  @Post('close')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Close the incident: needs a complete register entry and every owed track filed or decided not required' })
  close(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.closeIncident.execute(user, id);
  }
}
