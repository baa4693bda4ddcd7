import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppendFacts } from '../../../../libs/application/src/incidents/append-facts.js';
import { IncidentQueries } from '../../../../libs/application/src/incidents/incident-queries.js';
import { OpenIncident } from '../../../../libs/application/src/incidents/open-incident.js';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { appendFactsSchema, createIncidentSchema } from '../../../../libs/domain/src/incident/incident-facts.schema.js';
import { validateAppendFactsRequest } from '../../../../libs/domain/src/incident/validate-incident-facts.js';
import { INCIDENT_EDITORS } from '../../../../libs/domain/src/roles.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { incidentListQuerySchema, validateIncidentListQuery } from './incident-list.query.js';
import { Refuses } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Publishes each property of a query-string schema as an optional OpenAPI query parameter. */
const ApiQueries = (properties: Record<string, object>) => applyDecorators(...Object.entries(properties).map(([name, schema]) => ApiQuery({ name, required: false, schema })));

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents')
export class IncidentsController {
  constructor(
    @Inject(OpenIncident) private readonly openIncident: OpenIncident,
    @Inject(AppendFacts) private readonly appendFacts: AppendFacts,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  @Post()
  @Roles(...INCIDENT_EDITORS)
  @HttpCode(201)
  @ApiOperation({ summary: 'Open an incident: stores its first facts version and starts its workflow (Art. 33 clock)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body creates nothing twice' })
  @ApiBody({ schema: createIncidentSchema as object })
  @Refuses('unprocessable')
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw new InvalidInputError([{ field: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }]);
    }
    const { view, replayed } = await this.openIncident.execute(user, body, idempotencyKey);
    response.setHeader('Location', `/api/incidents/${view.id}`);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  @ApiOperation({ summary: "List the organisation's incidents; filter by status, text, awareness window" })
  @ApiQueries(incidentListQuerySchema.properties)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: unknown) {
    return this.incidents.list(user, validated(validateIncidentListQuery, { ...(query as object) }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident with its current facts, status and clocks' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.incidents.get(user, id);
  }

  @Get(':id/facts-versions')
  @ApiOperation({ summary: 'Every facts version, newest first: what changed, who recorded it and why' })
  factsVersions(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.incidents.factsVersions(user, id);
  }

  @Patch(':id/facts')
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Append a new facts version; a corrected awareAt moves the clocks' })
  @ApiBody({ schema: appendFactsSchema as object })
  @Refuses('stale', 'conflict')
  correctFacts(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.appendFacts.execute(user, id, validated(validateAppendFactsRequest, body));
  }
}
