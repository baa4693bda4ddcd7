import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProposeNotRequired } from '../../../../libs/application/src/decisions/propose-not-required.js';
import { FilingSteps } from '../../../../libs/application/src/filings/filing-steps.js';
import { CloseIncident } from '../../../../libs/application/src/incidents/close-incident.js';
import { ReopenIncident } from '../../../../libs/application/src/incidents/reopen-incident.js';
import { reopenSchema, validateReopen } from './reopen.request.js';
import { IncidentTimeline } from '../../../../libs/application/src/incidents/incident-timeline.js';
import { ScreenTrack } from '../../../../libs/application/src/tracks/screen-track.js';
import { IncidentQueries } from '../../../../libs/application/src/incidents/incident-queries.js';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../../../../libs/domain/src/roles.js';
import { rolesForScreening, rolesForStep, SCREENED_TRACKS, TRACK_KINDS } from '../../../../libs/domain/src/tracks/catalogue.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { notRequiredSchema, validateNotRequired } from '../filings/filing-requests.js';
import { handledSchema, intermediateRequestSchema, screeningSchema, validateHandled, validateIntermediateRequest, validateScreening } from './track-requests.js';
import { Refuses, WORKFLOW_STEP_REFUSALS } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class IncidentTracksController {
  constructor(
    @Inject(FilingSteps) private readonly filings: FilingSteps,
    @Inject(CloseIncident) private readonly closeIncident: CloseIncident,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
    @Inject(ScreenTrack) private readonly screenTrack: ScreenTrack,
    @Inject(IncidentTimeline) private readonly timeline: IncidentTimeline,
    @Inject(ProposeNotRequired) private readonly proposeNotRequired: ProposeNotRequired,
    @Inject(ReopenIncident) private readonly reopenIncident: ReopenIncident,
  ) {}

  @Post('tracks/:kind/screening')
  @HttpCode(200)
  @Roles(...rolesForScreening())
  @ApiOperation({
    summary: "Screen a track only a person's decision makes owed (Lex Maria: the DPO or a designated reporter; NIS2: an approver or the DPO), with the answers and the reason",
  })
  @ApiParam({ name: 'kind', enum: SCREENED_TRACKS })
  @ApiBody({ schema: screeningSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  screen(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('kind') kind: string, @Body() body: unknown) {
    return this.screenTrack.execute(user, id, kind, validated(validateScreening, body));
  }

  @Post('tracks/:kind/intermediate-request')
  @HttpCode(200)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'NIS2: record that the CSIRT asked for an intermediate report, and by when (a clock of its own starts)' })
  @ApiParam({ name: 'kind', enum: ['nis2'] })
  @ApiBody({ schema: intermediateRequestSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  async intermediateRequest(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('kind') kind: string, @Body() body: unknown) {
    const { dueAt } = validated(validateIntermediateRequest, body);
    await this.filings.requestIntermediate(user, id, kind, dueAt);
    return this.incidents.get(user, id);
  }

  @Post('tracks/:kind/handled')
  @HttpCode(200)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'NIS2: record when the incident was handled (after a progress report, the final report is due one month later)' })
  @ApiParam({ name: 'kind', enum: ['nis2'] })
  @ApiBody({ schema: handledSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  async handled(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('kind') kind: string, @Body() body: unknown) {
    const { handledAt } = validated(validateHandled, body);
    await this.filings.recordHandled(user, id, kind, handledAt);
    return this.incidents.get(user, id);
  }

  @Get('timeline')
  @ApiOperation({ summary: "Every clock and deadline of every track, reminders fired, drafts, approvals, filings and decisions, in time order, with who did what" })
  getTimeline(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.timeline.get(user, id);
  }

  /** Only a proposal: the track stays owed, its clock reminding, until a second person approves it (`decisions/:decisionId/approve`). */
  @Post('tracks/:kind/not-required')
  @HttpCode(200)
  @Roles(...rolesForStep('proposeNotRequired'))
  @ApiOperation({
    summary: 'Propose that an owed track is not required, with the reason; it stays pending (in `pendingDecisions`) until another approver or the DPO approves it',
  })
  @ApiParam({ name: 'kind', enum: TRACK_KINDS })
  @ApiBody({ schema: notRequiredSchema as object })
  @Refuses('forbidden', 'not-found', 'conflict', 'unprocessable', 'unavailable')
  notRequired(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('kind') kind: string, @Body() body: unknown) {
    const { reason } = validated(validateNotRequired, body);
    return this.proposeNotRequired.execute(user, id, kind, reason);
  }

  /** Closes the incident when its register entry is complete and every owed track is settled. */
  @Post('close')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Close the incident: needs a complete register entry and every owed track filed or decided not required' })
  @Refuses('forbidden', 'conflict')
  close(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.closeIncident.execute(user, id);
  }

  /** Its facts may change again; the reason is audited and shown on the timeline. */
  @Post('reopen')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Reopen a closed incident (approver or DPO, with a reason of at least 20 characters): its workflow runs again and its facts may change' })
  @ApiBody({ schema: reopenSchema as object })
  @Refuses('forbidden', 'conflict', 'unprocessable')
  reopen(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.reopenIncident.execute(user, id, validated(validateReopen, body).reason);
  }
}
