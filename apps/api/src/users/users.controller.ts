import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { UserAccounts } from '../../../../libs/application/src/users/user-accounts.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { refuseWhenPasswordsOff } from '../auth/password-sign-in.js';
import { validated } from '../common/validated.js';
import { Refuses } from '../openapi/refuses.decorator.js';
import { accountChangeSchema, invitationSchema, validateAccountChange, validateInvitation } from './user-requests.js';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The organisation's people, managed by its admins. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(
    @Inject(UserAccounts) private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: "The organisation's users: e-mail, name, role, whether active and whether they have set a password (admin)" })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.accounts.list(user);
  }

  /** With passwords off there is nothing to invite to: single sign-on creates the account at the person's first sign-in. */
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Invite a person: the user is created without a password and e-mailed a one-time link (24 h) to choose one (admin); refused (403) when password sign-in is off' })
  @ApiBody({ schema: invitationSchema as object })
  @Refuses('conflict', 'unprocessable')
  async invite(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    refuseWhenPasswordsOff(this.config);
    const invited = await this.accounts.invite(user, validated(validateInvitation, body));
    response.setHeader('Location', `/api/users/${invited.user.id}`);
    return invited;
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role, deactivate or reactivate them; the last active admin stays (admin)" })
  @ApiBody({ schema: accountChangeSchema as object })
  @Refuses('conflict')
  change(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.accounts.change(user, id, validated(validateAccountChange, body));
  }
}
