import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotificationInbox } from '../../../../libs/application/src/notifications/notification-inbox.js';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(@Inject(NotificationInbox) private readonly inbox: NotificationInbox) {}

  @Get()
  @ApiOperation({ summary: 'Your reminders, escalations and digests, newest first' })
  @ApiQuery({ name: 'unread', enum: ['true', 'false'], required: false })
  list(@CurrentUser() user: AuthenticatedUser, @Query('unread') unread: string | undefined) {
    if (unread !== undefined && unread !== 'true' && unread !== 'false') throw new InvalidInputError([{ field: 'unread', message: 'must be true or false' }]);
    return this.inbox.list(user, { unreadOnly: unread === 'true' });
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  async markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    await this.inbox.markRead(user, id);
  }
}
