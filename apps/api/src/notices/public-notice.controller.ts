import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicNotices } from '../../../../libs/application/src/notices/public-notices.js';
import { Public } from '../auth/auth.decorators.js';

/** Public notices (Art. 34(3)(c)): pages without personal data at a stable, unguessable address. */
@ApiExcludeController()
@Controller('public/notices')
export class PublicNoticeController {
  constructor(@Inject(PublicNotices) private readonly notices: PublicNotices) {}

  @Get(':slug')
  @Public()
  async page(@Param('slug') slug: string, @Res() response: Response) {
    const html = /^[\w-]{8,64}$/.test(slug) ? await this.notices.page(slug) : null;
    if (html === null) throw new NotFoundException('no such notice');
    response
      .type('text/html')
      .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Referrer-Policy', 'no-referrer')
      .setHeader('Cache-Control', 'public, max-age=300')
      .send(html);
  }
}
