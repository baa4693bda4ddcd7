import type { OrganisationSettingsChange } from '../../../../libs/application/src/organisation/organisation-settings.js';
import type { SsoGroupLine } from '../../../../libs/application/src/organisation/sso-group-mapping.js';
import { ROLES } from '../../../../libs/domain/src/roles.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

const text = (maxLength: number) => ({ anyOf: [{ type: 'string', minLength: 1, maxLength }, { type: 'null' }] }) as const;

/** What an admin or the DPO may change: the controller's details for filings and the clock settings. */
export const organisationSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    legalName: text(300),
    orgNumber: { anyOf: [{ type: 'string', pattern: '^[0-9]{6}-[0-9]{4}$' }, { type: 'null' }] },
    postalAddress: text(500),
    contactName: text(200),
    contactEmail: { anyOf: [{ type: 'string', format: 'email', maxLength: 320 }, { type: 'null' }] },
    contactPhone: text(50),
    contactRole: text(100),
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    reminderFractions: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      items: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      description: 'Fractions of each window at which reminders fire, e.g. [0.5, 0.75, 0.9, 1]',
    },
    processorNoticeHours: { type: 'integer', minimum: 1, maximum: 72 },
    processorNoticeTimeAgreed: {
      type: 'boolean',
      description: "The processor's notice time is agreed in the processing agreement (Art. 28(3)(f)); otherwise it is shown as an internal target.",
    },
    lexMariaReporters: {
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', format: 'uuid' },
      description: 'The users the care provider designated to report under Lex Maria (HSLF-FS 2017:41 4 §); only they record the IVO filing.',
    },
    lexMariaReportDays: {
      type: 'integer',
      minimum: 1,
      maximum: 90,
      description: 'The target for the Lex Maria report, in days from awareness: "snarast" made concrete as a policy choice (default 14), not a legal limit.',
    },
    lexMariaInvestigationDays: { type: 'integer', minimum: 1, maximum: 365, description: 'The target for the event analysis (händelseanalys), in days from the screening (default 42).' },
    secrecyNote: { ...text(5_000), description: 'What the organisation asks IMY, by default, to keep confidential (the last free-text field of a report).' },
  },
} as const;

export const validateOrganisationSettings = compileValidator<OrganisationSettingsChange>(organisationSettingsSchema);

/** The whole single sign-on mapping, replacing the one in force: each provider group once, with its role. */
export const ssoGroupMappingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['groups'],
  properties: {
    groups: {
      type: 'array',
      maxItems: 200,
      description: 'Members of each group get its role at their next single sign-on; when several of a person’s groups match, the most privileged role wins (admin, dpo, approver, responder, viewer). An empty list lets nobody of this organisation sign in with SSO.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['group', 'role'],
        properties: {
          group: { type: 'string', minLength: 1, maxLength: 256, pattern: '^\\S(.*\\S)?$', description: 'The group exactly as the provider names it in the groups claim (case and spaces count)' },
          role: { type: 'string', enum: [...ROLES] },
        },
      },
    },
  },
} as const;
export const validateSsoGroupMapping = compileValidator<{ groups: SsoGroupLine[] }>(ssoGroupMappingSchema);
