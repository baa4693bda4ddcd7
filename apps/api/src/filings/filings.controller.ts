import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FilingSteps } from '../../../../libs/application/src/filings/filing-steps.js';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { rolesForStep } from '../../../../libs/domain/src/tracks/catalogue.js';
import { filingJson } from '../../../../libs/rendering/src/filing-json.js';
import { renderFilingPdf } from '../../../../libs/rendering/src/filing-pdf.js';
import { TemplateCatalog } from '../../../../libs/rendering/src/template-catalog.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validated } from '../common/validated.js';
import {
  createFilingSchema,
  recordFilingSchema,
  referenceSchema,
  rejectSchema,
  renderFilingSchema,
  reviewSchema,
  validateCreateFiling,
  validateRecordFiling,
  validateReference,
  validateReject,
  validateRenderFiling,
  validateReview,
} from './filing-requests.js';
import { Refuses, WORKFLOW_STEP_REFUSALS } from '../openapi/refuses.decorator.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('filings')
@ApiBearerAuth()
@Controller('api')
export class FilingsController {
  constructor(
    @Inject(FilingSteps) private readonly filings: FilingSteps,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
  ) {}

  @Post('incidents/:id/filings')
  @HttpCode(201)
  @Roles(...rolesForStep('draft'))
  @ApiOperation({ summary: 'Draft a report of a track from the current facts and assessment (rendered from templates)' })
  @ApiBody({ schema: createFilingSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  draft(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.filings.draft(user, id, validated(validateCreateFiling, body));
  }

  @Get('filings/:id')
  @ApiOperation({ summary: 'A report with its status, steps and structured content' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.filings.view(user, id);
  }

  @Get('filings/:id/document')
  @ApiOperation({ summary: 'The report as HTML (preview), PDF or JSON' })
  @ApiQuery({ name: 'format', enum: ['html', 'pdf', 'json'], required: false })
  async document(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query('format') format: string | undefined, @Res() response: Response) {
    if (format !== undefined && !['html', 'pdf', 'json'].includes(format)) throw new InvalidInputError([{ field: 'format', message: 'must be one of: html, pdf, json' }]);
    const filing = await this.filings.get(user, id);
    const name = `${filing.document.incidentReference}-${filing.track}-${filing.sequence}`;
    switch (format ?? 'html') {
      case 'html':
        // The preview is self-contained (inline CSS only): nothing else may load or run in it.
        response
          .type('html')
          .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
          .setHeader('X-Content-Type-Options', 'nosniff')
          .send(this.templates.renderFiling(filing.document));
        return;
      case 'pdf':
        response.type('application/pdf').setHeader('Content-Disposition', `attachment; filename="${name}.pdf"`);
        response.send(await renderFilingPdf(filing.document));
        return;
      default:
        response.type('json').setHeader('Content-Disposition', `attachment; filename="${name}.json"`);
        response.send(filingJson(filing.document));
    }
  }

  @Post('filings/:id/render')
  @HttpCode(200)
  @Roles(...rolesForStep('draft'))
  @ApiOperation({ summary: 'Render an unfiled report again from the current facts (a new revision; any approval is undone)' })
  @ApiBody({ schema: renderFilingSchema as object, required: false })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  render(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.filings.render(user, id, validated(validateRenderFiling, body ?? {}));
  }

  @Post('filings/:id/submit')
  @HttpCode(200)
  @Roles(...rolesForStep('draft'))
  @ApiOperation({ summary: 'Submit a draft for approval' })
  @ApiBody({ schema: reviewSchema as object, required: false })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  submit(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.filings.submit(user, id, validated(validateReview, body ?? {}));
  }

  @Post('filings/:id/approve')
  @HttpCode(200)
  @Roles(...rolesForStep('approve'))
  @ApiOperation({ summary: 'Approve a report awaiting approval (four-eyes: not whoever rendered this revision)' })
  @ApiBody({ schema: reviewSchema as object, required: false })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  approve(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.filings.approve(user, id, validated(validateReview, body ?? {}));
  }

  @Post('filings/:id/reject')
  @HttpCode(200)
  @Roles(...rolesForStep('approve'))
  @ApiOperation({ summary: 'Return a report to drafting with a comment' })
  @ApiBody({ schema: rejectSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  reject(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.filings.reject(user, id, validated(validateReject, body));
  }

  @Post('filings/:id/record')
  @HttpCode(200)
  @Roles(...rolesForStep('record'))
  @ApiOperation({ summary: 'Record that an approved report was filed: when, how, reasons for a delay' })
  @ApiBody({ schema: recordFilingSchema as object })
  @Refuses(...WORKFLOW_STEP_REFUSALS)
  record(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.filings.record(user, id, validated(validateRecordFiling, body));
  }

  @Post('filings/:id/reference')
  @HttpCode(200)
  @Roles(...rolesForStep('record'))
  @ApiOperation({ summary: "Record the authority's reference number, once" })
  @ApiBody({ schema: referenceSchema as object })
  @Refuses('conflict')
  reference(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: unknown) {
    return this.filings.recordReference(user, id, validated(validateReference, body).reference);
  }
}
