import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from './auth.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/me')
export class MeController {
  /** Who the bearer token belongs to; answered from the token alone, without I/O. */
  @Get()
  @ApiOperation({ summary: 'The calling user: id, organisation and role' })
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
