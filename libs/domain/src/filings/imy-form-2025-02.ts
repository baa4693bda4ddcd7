import type { FilingItemId } from './filing-item-ids.js';

/**
 * IMY's e-service "Anmäl personuppgiftsincident" as crawled in February 2025. When IMY changes
 * the form, add a new file with a new version id rather than editing this one: a filing records
 * the version it followed, and its numbers must keep meaning what they meant then.
 */
export const IMY_FORM_VERSION = 'imy-2025-02';

/**
 * The Swedish e-service's question numbers (the English build numbers differently and is probably
 * older). Only numbers seen on the crawled form are listed; questions whose number was not seen
 * (discovery, delay, type, description, cause, counts, severity, "informed?", last free text) carry
 * none rather than a guess. `10–11`: the crawl shows 10–12 as occurrence and "has it ceased", with
 * 13 the time it ceased; we read 10–11 as date and time of occurrence [verify against the live form].
 */
export const IMY_QUESTION_NUMBERS_2025_02: Readonly<Partial<Record<FilingItemId, string>>> = {
  'controller.name': '1',
  'controller.orgNumber': '2',
  'controller.postalAddress': '3',
  'controller.reference': '4',
  'contact.name': '5',
  'contact.phone': '6',
  'contact.email': '7',
  'contact.role': '8',
  'contact.address': '9',
  'timeline.occurredAt': '10–11',
  'timeline.ceased': '12',
  'timeline.ceasedAt': '13',
  'subjects.categories': '25',
  'data.categories': '26',
  'consequences.likely': '28',
  'measures.taken': '30',
  'informing.grounds': '35',
};

