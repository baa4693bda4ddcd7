import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { CaseFile } from '../../../../libs/persistence/src/case-file.js';
import { Public } from '../auth/auth.decorators.js';

/**
 * Up or down, nothing more: the answer is public, and a driver's error text names hosts, ports and
 * users. The reason goes to the log, where operators read it.
 */
async function probe(dependency: string, check: () => Promise<unknown>, log: Logger): Promise<{ ok: boolean }> {
  try {
    await check();
    return { ok: true };
  } catch (error) {
    log.warn(`health check: ${dependency} does not answer (${(error as Error).message})`);
    return { ok: false };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(Connection) private readonly temporal: Connection,
  ) {}

  private readonly log = new Logger(HealthController.name);

  /** 200 when PostgreSQL and Temporal both answer, 503 naming the one that does not. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether PostgreSQL and Temporal answer' })
  @ApiResponse({ status: 200, description: 'both answer' })
  @ApiResponse({ status: 503, description: 'one does not; the body says which is down (`ok: false`), never why' })
  async health(@Res({ passthrough: true }) response: Response) {
    const deadline = () => Date.now() + 2_000;
    const [database, temporal] = await Promise.all([
      probe('database', () => this.caseFile.ping(), this.log),
      probe('temporal', () => this.temporal.withDeadline(deadline(), () => this.temporal.healthService.check({})), this.log),
    ]);
    const ok = database.ok && temporal.ok;
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }
}
