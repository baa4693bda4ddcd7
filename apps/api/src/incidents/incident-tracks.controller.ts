import { Body, ConflictException, Controller, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { registerGapLabel } from '../../../../libs/domain/src/register/register-csv.js';
import { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';
import { closeIncidentUpdate } from '../../../../workflows/messages.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/invalid-input.exception.js';
import { notRequiredSchema, validateNotRequired } from '../filings/filing-requests.js';
import { FilingsService } from '../filings/filings.service.js';
import { RegisterService } from '../register/register.service.js';
import { IncidentWorkflowGateway } from '../temporal/incident-workflow.gateway.js';
import { IncidentsService } from './incidents.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });
const TRACK_KINDS = ['gdpr-art33', 'gdpr-art33-2', 'gdpr-art34', 'lex-maria', 'nis2'];

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents/:id')
export class IncidentTracksController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(FilingsService) private readonly filings: FilingsService,
    @Inject(RegisterService) private readonly register: RegisterService,
    @Inject(IncidentWorkflowGateway) private readonly workflows: IncidentWorkflowGateway,
    @Inject(IncidentsService) private readonly incidents: IncidentsService,
  ) {}

  @Post('tracks/:kind/not-required')
  @HttpCode(200)
  @Roles('approver', 'dpo')
  @ApiOperation({ summary: 'Decide that an owed track is not required, with the reason (approver or DPO)' })
  @ApiBody({ schema: notRequiredSchema as object })
  async notRequired(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('kind') kind: string, @Body() body: unknown) {
    const { reason } = validated(validateNotRequired, body);
    if (!TRACK_KINDS.includes(kind)) throw new NotFoundException(`unknown track ${kind}: one of ${TRACK_KINDS.join(', ')}`);
    await this.filings.markNotRequired(user, id, kind, reason);
    return this.incidents.get(user, id);
  }

  /** Closes the incident when its register entry is complete and every owed track is settled. */
  @Post('close')
  @HttpCode(200)
  @Roles('approver', 'dpo')
  @ApiOperation({ summary: 'Close the incident: needs a complete register entry and every owed track filed or decided not required' })
  async close(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id, organisationId: user.organisationId });
    if (!incident) throw new NotFoundException(`incident ${id} not found`);
    if (incident.status === 'closed') throw new ConflictException('the incident is already closed');
    const entry = await this.register.entry(this.dataSource.manager, incident);
    if (!entry.complete) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `the register entry is incomplete: ${entry.missing.map((gap) => registerGapLabel(gap, 'en')).join('; ')}`,
        missing: entry.missing,
      });
    }
    await this.workflows.incidentStep(incident.workflowId, closeIncidentUpdate, { actor: { userId: user.id, role: user.role } });
    return this.incidents.get(user, id);
  }
}
