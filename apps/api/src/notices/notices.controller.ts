import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LetterBatch } from '../../../../libs/application/src/notices/letter-batch.js';
import { NoticePreview, type PreviewFormat } from '../../../../libs/application/src/notices/notice-preview.js';
import { NoticeSending } from '../../../../libs/application/src/notices/notice-sending.js';
import { NoticeSteps } from '../../../../libs/application/src/notices/notice-steps.js';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { NOTICE_STATUSES, type NoticeStatus } from '../../../../libs/domain/src/notices/notice-status.js';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../../../../libs/domain/src/roles.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import { rejectSchema, reviewSchema, validateReject, validateReview } from '../filings/filing-requests.js';
import { draftNoticeSchema, editNoticeSchema, sendNoticeSchema, validateDraftNotice, validateEditNotice, validateSendNotice } from './notice-requests.js';
import { pageOf, validatePageQuery } from './page-query.js';
import { Refuses } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });
/** A preview is shown framed by the web app: it may load nothing and run nothing. */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

@ApiTags('notices')
@ApiBearerAuth()
@Controller('api')
export class NoticesController {
  constructor(
    @Inject(NoticeSteps) private readonly notices: NoticeSteps,
    @Inject(NoticePreview) private readonly preview: NoticePreview,
    @Inject(NoticeSending) private readonly sending: NoticeSending,
    @Inject(LetterBatch) private readonly letters: LetterBatch,
  ) {}

  @Post('incidents/:id/notices')
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Draft a notice to the people affected (Art. 34): channel, language, segment and the words; held against Art. 34(2) and measured for readability' })
  @ApiBody({ schema: draftNoticeSchema as object })
  @Refuses('conflict')
  draft(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.notices.draft(user, id, validated(validateDraftNotice, body));
  }

  @Get('incidents/:id/notices')
  @ApiOperation({ summary: "The incident's notices" })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.notices.list(user, id);
  }

  @Get('notices')
  @ApiOperation({ summary: "The organisation's notices in the given states, across incidents (e.g. ?status=awaiting-approval for the approvals inbox)" })
  @ApiQuery({ name: 'status', required: true, enum: NOTICE_STATUSES, isArray: true })
  inState(@CurrentUser() user: AuthenticatedUser, @Query('status') status: string | string[] | undefined) {
    const statuses = (Array.isArray(status) ? status : status === undefined ? [] : status.split(',')).map((value) => value.trim());
    const unknown = statuses.filter((value) => !(NOTICE_STATUSES as readonly string[]).includes(value));
    if (statuses.length === 0 || unknown.length > 0) throw new InvalidInputError([{ field: 'status', message: `must be one or more of: ${NOTICE_STATUSES.join(', ')}` }]);
    return this.notices.inState(user, statuses as NoticeStatus[]);
  }

  @Get('notices/:id')
  @ApiOperation({ summary: 'One notice: words, status, what Art. 34(2) still misses, readability' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.notices.get(user, id);
  }

  @Patch('notices/:id')
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Change the words (a new revision; a submission is undone); an approved notice never changes' })
  @ApiBody({ schema: editNoticeSchema as object })
  @Refuses('forbidden', 'conflict')
  edit(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.notices.edit(user, id, validated(validateEditNotice, body).content);
  }

  @Post('notices/:id/submit')
  @HttpCode(200)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Submit for approval; refused (422) while Art. 34(2) content is missing' })
  @ApiBody({ schema: reviewSchema as object })
  @Refuses('forbidden', 'conflict', 'stale', 'unprocessable')
  submit(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.notices.review(user, id, 'submit', validated(validateReview, body ?? {}));
  }

  @Post('notices/:id/approve')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Approve (four eyes: not whoever wrote the revision); an approved notice is frozen' })
  @ApiBody({ schema: reviewSchema as object })
  @Refuses('forbidden', 'conflict', 'stale', 'unprocessable')
  approve(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.notices.review(user, id, 'approve', validated(validateReview, body ?? {}));
  }

  @Post('notices/:id/reject')
  @HttpCode(200)
  @Roles(...APPROVER_ROLES)
  @ApiOperation({ summary: 'Send back to draft with a comment' })
  @ApiBody({ schema: rejectSchema as object })
  @Refuses('forbidden', 'conflict', 'stale', 'unprocessable')
  reject(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.notices.review(user, id, 'reject', validated(validateReject, body));
  }

  @Get('notices/:id/preview')
  @ApiOperation({ summary: 'The notice as one person receives it (their name only); html or text for e-mail, text for SMS, pdf for a letter, html for the public page' })
  @ApiQuery({ name: 'recipient', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({ name: 'format', required: false, enum: ['html', 'text', 'pdf'] })
  @Refuses('conflict', 'unprocessable')
  async previewNotice(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query('recipient') recipient: string | undefined, @Query('format') format: string | undefined, @Res() response: Response) {
    if (format !== undefined && !['html', 'text', 'pdf'].includes(format)) throw new InvalidInputError([{ field: 'format', message: 'must be one of: html, text, pdf' }]);
    if (recipient !== undefined && !/^[0-9a-f-]{36}$/i.test(recipient)) throw new InvalidInputError([{ field: 'recipient', message: 'must be a recipient id (uuid)' }]);
    const rendered = await this.preview.render(user, id, recipient, (format ?? 'html') as PreviewFormat);
    response.type(rendered.contentType).setHeader('X-Content-Type-Options', 'nosniff').setHeader('Cache-Control', 'no-store');
    if (rendered.contentType === 'text/html') response.setHeader('Content-Security-Policy', PREVIEW_CSP);
    response.send(rendered.body);
  }

  @Post('notices/:id/send')
  @HttpCode(202)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Send an approved notice: one message per person, in batches at the configured rate (a public notice is published)' })
  @ApiBody({ schema: sendNoticeSchema as object })
  @Refuses('forbidden', 'conflict')
  send(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.sending.send(user, id, validated(validateSendNotice, body ?? {}));
  }

  @Post('notices/:id/pause')
  @HttpCode(200)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Pause the sending after the current batch' })
  @Refuses('forbidden', 'conflict')
  pause(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.sending.control(user, id, 'pause');
  }

  @Post('notices/:id/resume')
  @HttpCode(200)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Resume a paused sending' })
  @Refuses('forbidden', 'conflict')
  resume(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.sending.control(user, id, 'resume');
  }

  @Post('notices/:id/cancel')
  @HttpCode(200)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Cancel the sending; what is not sent yet is skipped' })
  @Refuses('forbidden', 'conflict')
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.sending.control(user, id, 'cancel');
  }

  @Post('notices/:id/retry-failed')
  @HttpCode(202)
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'Send the failed deliveries of a sent notice again' })
  @Refuses('forbidden', 'conflict')
  retryFailed(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.sending.retryFailed(user, id);
  }

  @Get('notices/:id/deliveries')
  @ApiOperation({ summary: 'Counts (total, queued, sent, failed, skipped) and a page of deliveries, masked' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0 } })
  @ApiQuery({ name: 'status', required: false, enum: ['queued', 'sent', 'failed', 'skipped'] })
  deliveries(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: unknown) {
    const checked = validated(validatePageQuery, query);
    return this.sending.deliveries(user, id, { ...pageOf(checked), ...(checked.status && { status: checked.status }) });
  }

  @Get('notices/:id/letters')
  @Roles(...INCIDENT_EDITORS)
  @ApiOperation({ summary: 'The print batch of a sent letter notice: every letter in one PDF, A4 for a window envelope' })
  @Refuses('conflict', 'unprocessable')
  async letterBatch(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Res() response: Response) {
    const notice = await this.letters.notice(user, id);
    response.type('application/pdf').setHeader('Content-Disposition', `attachment; filename="letters-${notice.id}.pdf"`).setHeader('Cache-Control', 'no-store');
    await this.letters.write(user, notice, response);
  }
}
