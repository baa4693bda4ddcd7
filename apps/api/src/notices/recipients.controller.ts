import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ImportRecipients } from '../../../../libs/application/src/notices/import-recipients.js';
import { RecipientList } from '../../../../libs/application/src/notices/recipient-list.js';
import { RECIPIENT_COLUMNS } from '../../../../libs/domain/src/notices/recipient-row.js';
import { INCIDENT_EDITORS } from '../../../../libs/domain/src/roles.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { pageOf, validatePageQuery } from './page-query.js';
import { recipientRows } from './recipient-rows.js';
import { Refuses } from '../openapi/refuses.decorator.js';
import { ApiErrorResponse } from '../openapi/error-body.schema.js';

const uuid = new ParseUUIDPipe({ version: '4' });


/** The people to tell (Art. 34): imported as a stream, listed masked. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('api/incidents/:id/recipients')
export class RecipientsController {
  constructor(
    @Inject(ImportRecipients) private readonly importRecipients: ImportRecipients,
    @Inject(RecipientList) private readonly recipients: RecipientList,
  ) {}

  @Post()
  @Roles(...INCIDENT_EDITORS)
  @ApiConsumes('text/csv', 'application/json')
  @ApiOperation({
    summary: `Import the people to tell, streamed: CSV (UTF-8, with or without BOM, "," or ";", a header naming the columns ${RECIPIENT_COLUMNS.join(', ')}) or a JSON array of objects. Bad rows are reported by line, field and reason; good rows are kept; a person already imported is not imported again.`,
  })
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 201, description: 'the rows imported, and each bad row by line, field and reason' })
  @ApiErrorResponse(415, 'the file is neither text/csv nor application/json')
  @Refuses('conflict')
  import(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Req() req: Request) {
    return this.importRecipients.execute(user, id, recipientRows(req));
  }

  @Get()
  @ApiOperation({ summary: 'The imported people, masked (never an address), a page at a time' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0 } })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: unknown) {
    const { limit, offset } = pageOf(validated(validatePageQuery, query));
    return this.recipients.page(user, id, limit, offset);
  }
}
