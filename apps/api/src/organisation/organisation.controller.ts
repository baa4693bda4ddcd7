import { Body, Controller, Get, Inject, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationSettings } from '../../../../libs/application/src/organisation/organisation-settings.js';
import { SsoGroupMapping } from '../../../../libs/application/src/organisation/sso-group-mapping.js';
import { isTimeZone } from '../../../../libs/domain/src/clocks/time-zone.js';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { organisationSettingsSchema, ssoGroupMappingSchema, validateOrganisationSettings, validateSsoGroupMapping } from './organisation-settings.js';
import { Refuses } from '../openapi/refuses.decorator.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/organisation')
export class OrganisationController {
  constructor(
    @Inject(OrganisationSettings) private readonly settings: OrganisationSettings,
    @Inject(SsoGroupMapping) private readonly ssoGroups: SsoGroupMapping,
  ) {}

  @Get()
  @ApiOperation({ summary: "Your organisation's details and clock settings" })
  get(@CurrentUser() user: AuthenticatedUser) {
    return this.settings.get(user);
  }

  @Get('users')
  @Roles('admin', 'dpo')
  @ApiOperation({ summary: "The organisation's users (id, display name, role), to designate Lex Maria's reporters (admin or DPO)" })
  users(@CurrentUser() user: AuthenticatedUser) {
    return this.settings.users(user);
  }

  /** New incidents take the clock settings in force when they start; running ones keep theirs. */
  @Patch()
  @Roles('admin', 'dpo')
  @ApiOperation({ summary: 'Change the controller details used in filings and the reminder settings (admin or DPO)' })
  @ApiBody({ schema: organisationSettingsSchema as object })
  @Refuses('unprocessable')
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown) {
    const change = validated(validateOrganisationSettings, body);
    if (change.timeZone !== undefined && !isTimeZone(change.timeZone)) {
      throw new InvalidInputError([{ field: 'timeZone', message: 'must be an IANA time zone, e.g. Europe/Stockholm' }]);
    }
    return this.settings.update(user, change);
  }

  @Get('sso-groups')
  @Roles('admin', 'dpo')
  @ApiOperation({ summary: "Single sign-on: which of the identity provider's groups give which role here (admin or DPO)" })
  ssoGroupMapping(@CurrentUser() user: AuthenticatedUser) {
    return this.ssoGroups.get(user);
  }

  /** The role follows the groups at each sign-in: a change here takes effect at each person's next SSO sign-in. */
  @Put('sso-groups')
  @Roles('admin')
  @ApiOperation({ summary: "Replace the single sign-on mapping from the identity provider's groups to roles; takes effect at each person's next sign-in (admin)" })
  @ApiBody({ schema: ssoGroupMappingSchema as object })
  replaceSsoGroupMapping(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown) {
    return this.ssoGroups.replace(user, validated(validateSsoGroupMapping, body).groups);
  }
}
