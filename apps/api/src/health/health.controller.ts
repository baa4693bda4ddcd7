import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { CaseFile } from '../../../../libs/persistence/src/case-file.js';
import { Public } from '../auth/auth.decorators.js';

async function probe(check: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await check();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(Connection) private readonly temporal: Connection,
  ) {}

  /** 200 when PostgreSQL and Temporal both answer, 503 naming the one that does not. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether PostgreSQL and Temporal answer' })
  @ApiResponse({ status: 200, description: 'both answer' })
  @ApiResponse({ status: 503, description: 'one does not; the body names which' })
  async health(@Res({ passthrough: true }) response: Response) {
    const deadline = () => Date.now() + 2_000;
    const [database, temporal] = await Promise.all([
      probe(() => this.caseFile.ping()),
      probe(() => this.temporal.withDeadline(deadline(), () => this.temporal.healthService.check({}))),
    ]);
    const ok = database.ok && temporal.ok;
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }
}
