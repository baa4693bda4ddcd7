import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TrackTasks } from '../../../../libs/application/src/tracks/track-tasks.js';
import { INCIDENT_EDITORS } from '../../../../libs/domain/src/roles.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { createTaskSchema, updateTaskSchema, validateCreateTask, validateUpdateTask } from './track-requests.js';
import { Refuses } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The tasks of a screened track: the event analysis, informing each patient group, informing the service's recipients. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents/:id/tasks')
export class IncidentTasksController {
  constructor(@Inject(TrackTasks) private readonly tasks: TrackTasks) {}

  @Get()
  @ApiOperation({ summary: "The incident's tasks, with their targets and state" })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.tasks.list(user, id);
  }

  @Post()
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Add a task (informing one group of patients, PSL 3 kap. 8 §); the track must be screened in' })
  @ApiBody({ schema: createTaskSchema as object })
  @Refuses('conflict', 'unprocessable')
  create(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.tasks.create(user, id, validated(validateCreateTask, body));
  }

  @Patch(':taskId')
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Record what the task holds now (the whole record); a done task no longer changes' })
  @ApiBody({ schema: updateTaskSchema as object })
  @Refuses('conflict')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('taskId', uuid) taskId: string, @Body() body: unknown) {
    return this.tasks.update(user, id, taskId, validated(validateUpdateTask, body).data);
  }

  @Post(':taskId/complete')
  @HttpCode(200)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: "Mark the task done; refused (422, naming the field) until its record meets the law's content" })
  @Refuses('conflict', 'unprocessable')
  complete(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('taskId', uuid) taskId: string) {
    return this.tasks.complete(user, id, taskId);
  }
}
