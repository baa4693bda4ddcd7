import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RegisterEntries } from '../../../../libs/application/src/register/register-entries.js';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { registerToCsv } from '../../../../libs/domain/src/register/register-csv.js';
import { registerToJson } from '../../../../libs/domain/src/register/register-json.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';

@ApiTags('register')
@ApiBearerAuth()
@Controller('api/register')
export class RegisterController {
  constructor(@Inject(RegisterEntries) private readonly register: RegisterEntries) {}

  @Get()
  @ApiOperation({ summary: 'The Art. 33(5) breach register: every incident, notified or not' })
  @ApiQuery({ name: 'format', enum: ['json', 'csv'], required: false })
  @ApiQuery({ name: 'language', enum: ['sv', 'en'], required: false })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('format') format: string | undefined,
    @Query('language') language: string | undefined,
    @Res() response: Response,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'csv') throw new InvalidInputError([{ field: 'format', message: 'must be one of: json, csv' }]);
    if (language !== undefined && language !== 'sv' && language !== 'en') throw new InvalidInputError([{ field: 'language', message: 'must be one of: sv, en' }]);
    const entries = await this.register.all(user.organisationId);
    if (format === 'csv') {
      response.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="breach-register.csv"');
      response.send(registerToCsv(entries, language ?? 'sv', { bom: true }));
      return;
    }
    response.type('json').send(registerToJson(entries));
  }
}
