/**
 * Every question a filing can answer, by stable id. The ids outlive any one form version: an
 * authority's renumbering changes the mapping table, never these ids, so a stored filing and a
 * supplement drafted months later still compare item by item.
 */
export const FILING_ITEM_IDS = [
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
export type FilingItemId = (typeof FILING_ITEM_IDS)[number];

export const FILING_SECTION_IDS = [
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
export type FilingSectionId = (typeof FILING_SECTION_IDS)[number];

export type Art33Point = 'a' | 'b' | 'c' | 'd';
