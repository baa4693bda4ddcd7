import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { UserAccounts } from '../../../../libs/application/src/users/user-accounts.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { refuseWhenPasswordsOff } from '../auth/password-sign-in.js';
import { validated } from '../common/validated.js';
import { ApiPasswordLinkTooSoon } from '../openapi/password-link-too-soon.decorator.js';
import { Refuses } from '../openapi/refuses.decorator.js';
import { accountChangeSchema, invitationSchema, newLinkSchema, validateAccountChange, validateInvitation, validateNewLink } from './user-requests.js';

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

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send the person a new one-time link (24 h) by e-mail, to them alone; every earlier link stops working. An invitation again when they have no password yet, a password reset when they have one (the old password works until the new one is chosen). Not for a deactivated person (409); one a minute per person (429); refused (403) when password sign-in is off (admin)',
  })
  @ApiBody({ schema: newLinkSchema as object, required: false })
  @ApiResponse({ status: 200, description: "sent: the person and the link's purpose (`renewed-invitation` or `password-reset`) and expiry, never the link itself" })
  @Refuses('conflict', 'unprocessable')
  @ApiPasswordLinkTooSoon()
  sendNewLink(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    refuseWhenPasswordsOff(this.config);
    return this.accounts.sendNewLink(user, id, validated(validateNewLink, body ?? {}));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role, deactivate or reactivate them; the last active admin stays (admin)" })
  @ApiBody({ schema: accountChangeSchema as object })
  @Refuses('conflict')
  change(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.accounts.change(user, id, validated(validateAccountChange, body));
  }
}
