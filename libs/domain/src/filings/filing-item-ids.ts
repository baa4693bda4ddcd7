/**
 * Every question a filing can answer, by stable id. The ids outlive any one form version: an
 * authority's renumbering changes the mapping table, never these ids, so a stored filing and a
 * supplement drafted months later still compare item by item.
 */
export const GDPR_ITEM_IDS = [
  'followUp.authorityReference',
  'followUp.firstFiledAt',
  'followUp.completes',
  'followUp.noChanges',
  'recipient.controller',
  'controller.name',
  'controller.orgNumber',
  'controller.postalAddress',
  'controller.reference',
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.role',
  'contact.address',
  'timeline.occurredAt',
  'timeline.ceased',
  'timeline.ceasedAt',
  'timeline.discoveredAt',
  'timeline.awareAt',
  'timeline.discoveryHow',
  'timeline.delayReason',
  'breach.type',
  'breach.title',
  'breach.description',
  'breach.nature',
  'breach.cause',
  'subjects.count',
  'records.count',
  'subjects.categories',
  'data.categories',
  'consequences.likely',
  'consequences.severity',
  'measures.taken',
  'informing.status',
  'informing.informedAt',
  'informing.how',
  'informing.plannedAt',
  'informing.grounds',
  'other.informationToFollow',
  'other.controllerDecides',
  'other.secrecy',
  'noBreach.statement',
  'noBreach.justification',
] as const;
export type GdprItemId = (typeof GDPR_ITEM_IDS)[number];

/** The Lex Maria report's own questions (IVO's form), beside the shared ones it reuses. */
export const LEX_MARIA_ITEM_IDS = [
  'lexMaria.careUnit',
  'lexMaria.reporters',
  'lexMaria.patientIdentity',
  'lexMaria.eventDescription',
  'lexMaria.seriousCareInjury',
  'lexMaria.patientConsequences',
  'lexMaria.otherReports',
  'lexMaria.patientInformation',
  'lexMaria.investigation',
  'lexMaria.plannedMeasures',
  'lexMaria.analysisMethod',
  'lexMaria.courseOfEvents',
  'lexMaria.harm',
  'lexMaria.causes',
  'lexMaria.recurrence',
  'lexMaria.followUp',
  'lexMaria.patientAccount',
  'lexMaria.investigators',
] as const;
export type LexMariaItemId = (typeof LEX_MARIA_ITEM_IDS)[number];

/** A NIS2 report's own questions (Art. 23(4); MCF's fields as far as known), beside the shared ones. */
export const NIS2_ITEM_IDS = [
  'nis2.earlierReports',
  'nis2.ongoing',
  'nis2.suspectedMalicious',
  'nis2.supplierOrigin',
  'nis2.crossBorderImpact',
  'nis2.serviceImpact',
  'nis2.severityAndImpact',
  'nis2.indicatorsOfCompromise',
  'nis2.affectedSystems',
  'nis2.rootCause',
  'nis2.mitigation',
  'nis2.remainingRisks',
  'nis2.handledAt',
  'nis2.personalDataBreach',
  'nis2.serviceRecipients',
  'nis2.status',
] as const;
export type Nis2ItemId = (typeof NIS2_ITEM_IDS)[number];

export const FILING_ITEM_IDS = [...GDPR_ITEM_IDS, ...LEX_MARIA_ITEM_IDS, ...NIS2_ITEM_IDS] as const;
export type FilingItemId = GdprItemId | LexMariaItemId | Nis2ItemId;

export const GDPR_SECTION_IDS = [
  'followUp',
  'recipient',
  'controller',
  'contact',
  'timeline',
  'breach',
  'affected',
  'consequences',
  'measures',
  'informing',
  'changes',
  'noBreach',
  'other',
] as const;
export type GdprSectionId = (typeof GDPR_SECTION_IDS)[number];

/** Sections only the Lex Maria and NIS2 reports have. */
export const TRACK_SECTION_IDS = ['careUnit', 'reporter', 'patient', 'event', 'careInjury', 'otherReports', 'patientInformation', 'investigation', 'entity', 'incident', 'impact', 'handling'] as const;
export type TrackSectionId = (typeof TRACK_SECTION_IDS)[number];

export const FILING_SECTION_IDS = [...GDPR_SECTION_IDS, ...TRACK_SECTION_IDS] as const;
export type FilingSectionId = GdprSectionId | TrackSectionId;

export type Art33Point = 'a' | 'b' | 'c' | 'd';
