import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { FilingTrack } from '../../../../libs/domain/src/filings/filing-input.js';
import { APPROVER_ROLES } from '../../../../libs/domain/src/roles.js';
import { Organisation } from '../../../../libs/persistence/src/entities/organisation.entity.js';
import { User } from '../../../../libs/persistence/src/entities/user.entity.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { TemplateCatalog } from '../../../../libs/rendering/src/template-catalog.js';
import { formatInstant, formatTimeLeft, trackLabel } from '../notices/notice-formatting.js';
import { PersonalDelivery } from '../notices/personal-delivery.js';

interface OpenClockRow {
  incident_id: string;
  reference: string;
  title: string;
  kind: FilingTrack;
  deadline_at: Date;
}

/** The morning digest: open filing clocks of each organisation, ordered by time left. */
@Injectable()
export class DigestActivities {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PersonalDelivery) private readonly delivery: PersonalDelivery,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many digests were delivered; idempotent per day and recipient. */
  async sendDailyDigests(input: { date: string; at: string }): Promise<number> {
    let sent = 0;
    const language = this.config.DEFAULT_LANGUAGE;
    for (const organisation of await this.dataSource.getRepository(Organisation).find()) {
      const clocks: OpenClockRow[] = await this.dataSource.query(
        `SELECT c.incident_id, i.reference, i.title, c.kind, c.deadline_at
           FROM deadline_clocks c JOIN incidents i ON i.id = c.incident_id
          WHERE i.organisation_id = $1 AND i.status = 'open' AND c.kind IN ('gdpr-art33', 'gdpr-art33-2')
            AND NOT EXISTS (SELECT 1 FROM filings f WHERE f.incident_id = c.incident_id AND f.track = c.kind AND f.status = 'filed')
            AND NOT EXISTS (SELECT 1 FROM track_decisions d WHERE d.incident_id = c.incident_id AND d.track = c.kind)
          ORDER BY c.deadline_at ASC, i.reference ASC`,
        [organisation.id],
      );
      if (clocks.length === 0) continue;
      const now = new Date(input.at).getTime();
      const recipients = await this.dataSource.getRepository(User).findBy({ organisationId: organisation.id, role: In([...APPROVER_ROLES]) });
      for (const user of recipients) {
        const message = this.templates.renderEmail('digest', language, {
          recipientName: user.displayName,
          organisationName: organisation.name,
          date: input.date,
          clocks: clocks.map((clock) => ({
            incidentReference: clock.reference,
            incidentTitle: clock.title,
            trackLabel: trackLabel(clock.kind, language),
            deadline: formatInstant(clock.deadline_at.toISOString(), organisation.timeZone, language),
            timeLeft: formatTimeLeft(clock.deadline_at.getTime() - now, language),
            status: clock.deadline_at.getTime() < now ? 'overdue' : 'running',
          })),
        });
        await this.delivery.deliver(user, {
          organisationId: organisation.id,
          incidentId: null,
          kind: 'digest',
          idempotencyKey: `digest:${input.date}:${user.id}`,
          at: new Date(input.at),
          message,
        });
        sent += 1;
      }
    }
    return sent;
  }
}
