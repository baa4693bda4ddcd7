import { Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource, IsNull } from 'typeorm';
import { Notification } from '../../../../libs/persistence/src/entities/notification.entity.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { InvalidInputException } from '../common/invalid-input.exception.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Your reminders, escalations and digests, newest first' })
  @ApiQuery({ name: 'unread', enum: ['true', 'false'], required: false })
  async list(@CurrentUser() user: AuthenticatedUser, @Query('unread') unread: string | undefined) {
    if (unread !== undefined && unread !== 'true' && unread !== 'false') throw new InvalidInputException([{ field: 'unread', message: 'must be true or false' }]);
    const items = await this.dataSource.getRepository(Notification).find({
      where: { userId: user.id, ...(unread === 'true' ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return {
      items: items.map((n) => ({
        id: n.id,
        incidentId: n.incidentId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
    };
  }

  @Post(':id/read')
  @HttpCode(204)
  async markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    const result = await this.dataSource.getRepository(Notification).update({ id, userId: user.id, readAt: IsNull() }, { readAt: new Date() });
    if (result.affected === 0 && !(await this.dataSource.getRepository(Notification).existsBy({ id, userId: user.id }))) {
      throw new NotFoundException(`notification ${id} not found`);
    }
  }
}
