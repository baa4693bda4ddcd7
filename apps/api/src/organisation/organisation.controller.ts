import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { Organisation } from '../../../../libs/persistence/src/entities/organisation.entity.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { InvalidInputException, validated } from '../common/invalid-input.exception.js';
import { organisationSettingsSchema, validateOrganisationSettings } from './organisation-settings.js';

function view(organisation: Organisation) {
  const { createdAt, ...settings } = organisation;
  return { ...settings, createdAt: createdAt.toISOString() };
}

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/organisation')
export class OrganisationController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: "Your organisation's details and clock settings" })
  async get(@CurrentUser() user: AuthenticatedUser) {
    return view(await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: user.organisationId }));
  }

  /** New incidents take the clock settings in force when they start; running ones keep theirs. */
  @Patch()
  @Roles('admin', 'dpo')
  @ApiOperation({ summary: 'Change the controller details used in filings and the reminder settings (admin or DPO)' })
  @ApiBody({ schema: organisationSettingsSchema as object })
  async update(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown) {
    const settings = validated(validateOrganisationSettings, body);
    if (settings.timeZone !== undefined && !isTimeZone(settings.timeZone)) {
      throw new InvalidInputException([{ field: 'timeZone', message: 'must be an IANA time zone, e.g. Europe/Stockholm' }]);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Organisation, { id: user.organisationId }, settings);
      await appendAudit(manager, { organisationId: user.organisationId, actor: user.id, action: 'organisation.settings-changed', detail: { changed: Object.keys(settings).sort() } });
    });
    return this.get(user);
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
