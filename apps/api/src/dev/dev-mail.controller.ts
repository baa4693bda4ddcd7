import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { Public } from '../auth/auth.decorators.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The sink's reader parses MIME with mailparser, a development tool (devDependency): loaded when
// the page is asked for, so a production image without it still starts.
const sinkMessages = () => import('../../../../libs/platform/src/mail/sink-messages.js');

/**
 * What the local SMTP sink received under `npm start`, so a developer can read reminders
 * and escalations. Registered only outside production with a sink directory configured.
 */
@ApiExcludeController()
@Controller('dev/mail')
export class DevMailController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  async list(@Res() response: Response) {
    const messages = await (await sinkMessages()).listSinkMessages(this.config.MAIL_SINK_DIR!, { limit: 200 });
    const rows = messages
      .map((m) => `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to)}</td><td><a href="/dev/mail/${encodeURIComponent(m.id)}">${escape(m.subject)}</a></td></tr>`)
      .join('\n');
    response
      .type('html')
      .send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>breachflow dev mail</title><body style="font-family:sans-serif"><h1>Local mail sink</h1><p>${messages.length} message(s), newest first. Development only.</p><table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table></body></html>`,
      );
  }

  @Public()
  @Get(':id')
  async read(@Param('id') id: string, @Res() response: Response) {
    const sink = await sinkMessages();
    let message;
    try {
      message = await sink.readSinkMessage(this.config.MAIL_SINK_DIR!, id);
    } catch (error) {
      if (error instanceof sink.InvalidSinkMessageIdError) throw new NotFoundException('no such message');
      throw error;
    }
    if (!message) throw new NotFoundException('no such message');
    response.type('text/plain; charset=utf-8').send(`To: ${message.to}\nSubject: ${message.subject}\nReceived: ${message.receivedAt}\n\n${message.text}`);
  }
}
