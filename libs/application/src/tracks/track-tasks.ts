import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvalidInputError, raise, RefusalError } from '../../../domain/src/failures.js';
import { isTaskKind, TASK_CATALOGUE, TASK_KINDS, type TaskData, type TaskKind } from '../../../domain/src/tracks/tasks/task-kinds.js';
import { compileValidator, type Validator } from '../../../domain/src/validation/json-schema-validator.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { TrackTask } from '../../../persistence/src/entities/track-task.entity.js';
import type { Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';

export interface TaskView {
  id: string;
  track: string;
  kind: TaskKind;
  title: string;
  status: 'open' | 'done';
  data: TaskData;
  dueAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

const VALIDATORS = Object.fromEntries(TASK_KINDS.map((kind) => [kind, compileValidator<TaskData>(TASK_CATALOGUE[kind].schema)])) as Record<TaskKind, Validator<TaskData>>;

function validTaskData(kind: TaskKind, data: unknown): TaskData {
  const result = VALIDATORS[kind](data);
  if (!result.ok) throw new InvalidInputError(result.errors.map((error) => ({ ...error, field: error.field === '(body)' ? 'data' : `data${error.field.startsWith('[') ? '' : '.'}${error.field}` })));
  return result.value;
}

const taskView = (task: TrackTask): TaskView => ({
  id: task.id,
  track: task.track,
  kind: task.kind,
  title: task.title,
  status: task.status,
  data: task.data,
  dueAt: task.dueAt?.toISOString() ?? null,
  createdBy: task.createdBy,
  createdAt: task.createdAt.toISOString(),
  updatedAt: task.updatedAt.toISOString(),
  completedAt: task.completedAt?.toISOString() ?? null,
  completedBy: task.completedBy,
});

/**
 * The work a screened track asks for besides its reports: the event analysis and informing each
 * group of patients (Lex Maria), informing the service's recipients (NIS2). A task is done only
 * when its data meet the law's content (e.g. all six items of PSL 3 kap. 8 § and the record note).
 */
@Injectable()
export class TrackTasks {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  async list(caller: Caller, incidentId: string): Promise<{ items: TaskView[] }> {
    const incident = await this.incidents.owned(caller, incidentId);
    return { items: (await this.caseFile.read.tasks.ofIncident(incident.id)).map(taskView) };
  }

  /** A task a person adds (one per patient group); the track must be screened in. */
  async create(caller: Caller, incidentId: string, request: { kind: string; data: unknown }): Promise<TaskView> {
    if (!isTaskKind(request.kind)) raise('unprocessable', `unknown task kind ${request.kind}`, 'kind');
    const definition = TASK_CATALOGUE[request.kind];
    if (definition.openedWithTrack) raise('unprocessable', `the ${request.kind} task is opened by its track; update that one`, 'kind');
    const data = validTaskData(request.kind, request.data);
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    const id = randomUUID();
    await this.caseFile.transaction(async (repositories) => {
      const screenedIn = (await repositories.screenings.ofIncident(incident.id)).some((screening) => screening.track === definition.track && screening.applies);
      if (!screenedIn) raise('conflict', `${definition.track} is not screened in for this incident`);
      const now = new Date();
      await repositories.tasks.insert({
        id,
        organisationId: caller.organisationId,
        incidentId: incident.id,
        track: definition.track,
        kind: request.kind as TaskKind,
        title: definition.title.sv,
        status: 'open',
        data,
        createdBy: caller.id,
        createdAt: now,
        updatedAt: now,
        dueAt: null,
        completedAt: null,
        completedBy: null,
      });
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: incident.id, actor: caller.id, action: 'task.created', detail: { taskId: id, kind: request.kind } });
    });
    return this.get(caller, incident.id, id);
  }

  /** Replaces what the task records; a done task is closed to changes. */
  async update(caller: Caller, incidentId: string, taskId: string, data: unknown): Promise<TaskView> {
    await this.change(caller, incidentId, taskId, async (task, repositories) => {
      if (task.status === 'done') raise('conflict', 'the task is done and no longer changes');
      await repositories.tasks.update(task.id, { data: validTaskData(task.kind, data), updatedAt: new Date() });
      return 'task.updated';
    });
    return this.get(caller, incidentId, taskId);
  }

  async complete(caller: Caller, incidentId: string, taskId: string): Promise<TaskView> {
    await this.change(caller, incidentId, taskId, async (task, repositories) => {
      if (task.status === 'done') raise('conflict', 'the task is already done');
      const refusal = TASK_CATALOGUE[task.kind].refuseDone(task.data);
      if (refusal) throw new RefusalError(refusal);
      const now = new Date();
      await repositories.tasks.update(task.id, { status: 'done', completedAt: now, completedBy: caller.id, updatedAt: now });
      return 'task.completed';
    });
    return this.get(caller, incidentId, taskId);
  }

  private async get(caller: Caller, incidentId: string, taskId: string): Promise<TaskView> {
    const task = await this.caseFile.read.tasks.findOwned(caller.organisationId, incidentId, taskId);
    return taskView(task ?? raise('not-found', `task ${taskId} not found`));
  }

  private async change(caller: Caller, incidentId: string, taskId: string, work: (task: TrackTask, repositories: Parameters<Parameters<CaseFile['transaction']>[0]>[0]) => Promise<string>): Promise<void> {
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    await this.caseFile.transaction(async (repositories) => {
      const task = (await repositories.tasks.findOwned(caller.organisationId, incident.id, taskId, { lock: true })) ?? raise('not-found', `task ${taskId} not found`);
      const action = await work(task, repositories);
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: incident.id, actor: caller.id, action, detail: { taskId, kind: task.kind } });
    });
  }
}
