import { Inject, Injectable } from '@nestjs/common';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Organisation } from '../../../persistence/src/entities/organisation.entity.js';
import { refuse, RefusalError } from '../../../domain/src/failures.js';
import { ROLES, type Role } from '../../../domain/src/roles.js';
import type { Caller } from '../caller.js';

/** What an admin or the DPO may change: the controller's details for filings and the clock settings. */
export interface OrganisationSettingsChange {
  name?: string;
  legalName?: string | null;
  orgNumber?: string | null;
  postalAddress?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  contactRole?: string | null;
  timeZone?: string;
  reminderFractions?: number[];
  processorNoticeHours?: number;
  processorNoticeTimeAgreed?: boolean;
  secrecyNote?: string | null;
  lexMariaReporters?: string[];
  lexMariaReportDays?: number;
  lexMariaInvestigationDays?: number;
}

export type OrganisationView = Omit<Organisation, 'createdAt'> & { createdAt: string };

/** A person of the organisation as the settings show them (to designate Lex Maria's reporters): never an e-mail or a password hash. */
export interface OrganisationUserView {
  id: string;
  displayName: string;
  role: Role;
}

/** The organisation's details and clock settings; new incidents take the settings in force when they start. */
@Injectable()
export class OrganisationSettings {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async get(caller: Caller): Promise<OrganisationView> {
    const { createdAt, ...settings } = await this.caseFile.read.organisations.get(caller.organisationId);
    return { ...settings, createdAt: createdAt.toISOString() };
  }

  /** The organisation's people, by name (for choosing Lex Maria's designated reporters). */
  async users(caller: Caller): Promise<{ items: OrganisationUserView[] }> {
    const users = await this.caseFile.read.organisations.usersWithRoles(caller.organisationId, ROLES);
    const items = users.map(({ id, displayName, role }) => ({ id, displayName, role })).sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv') || a.id.localeCompare(b.id));
    return { items };
  }

  async update(caller: Caller, change: OrganisationSettingsChange): Promise<OrganisationView> {
    await this.caseFile.transaction(async (repositories) => {
      if (change.lexMariaReporters !== undefined) {
        const members = await repositories.organisations.memberIds(caller.organisationId, change.lexMariaReporters);
        const stranger = change.lexMariaReporters.findIndex((id) => !members.has(id));
        if (stranger >= 0) throw new RefusalError(refuse('unprocessable', 'a designated reporter must be a user of the organisation', `lexMariaReporters[${stranger}]`));
      }
      await repositories.organisations.update(caller.organisationId, change);
      await repositories.audit.append({ organisationId: caller.organisationId, actor: caller.id, action: 'organisation.settings-changed', detail: { changed: Object.keys(change).sort() } });
    });
    return this.get(caller);
  }
}
