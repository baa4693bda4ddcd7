import type { FilingLanguage } from './filing-input.js';
import type { FilingItemId } from './filing-item-ids.js';

/**
 * IMY's e-service "Anmäl personuppgiftsincident" / "Report a personal data breach", as far as it
 * has been confirmed (November 2026). When IMY changes the form, or more of it is confirmed, add a
 * new file with a new version id rather than editing this one: a filing records the version it
 * followed, and its numbers must keep meaning what they meant then.
 */
export const IMY_FORM_VERSION = 'imy-2026-11';

/**
 * The question numbers each language's e-service prints. The Swedish and English builds number
 * differently (e.g. SV 28 "Vad kan bli konsekvenserna …" is EN 19). Only confirmed numbers are
 * listed: a question without one prints none rather than a guess (contact person 5–8, occurrence
 * and "has it ceased" 10–12, "informed?" 31, "how" 33, and the later fields are not confirmed).
 */
export const IMY_QUESTION_NUMBERS: Readonly<Record<FilingLanguage, Readonly<Partial<Record<FilingItemId, string>>>>> = {
  sv: {
    'controller.name': '1',
    'controller.orgNumber': '2',
    'controller.postalAddress': '3',
    'controller.reference': '4',
    'contact.address': '9',
    'timeline.ceasedAt': '13',
    'subjects.categories': '25',
    'data.categories': '26',
    'consequences.likely': '28',
    'measures.taken': '30',
    'informing.informedAt': '32',
    'informing.plannedAt': '34',
    'informing.grounds': '35',
  },
  en: {
    'controller.name': '1',
    'controller.orgNumber': '2',
    'controller.postalAddress': '3',
    'controller.reference': '4',
    'timeline.ceasedAt': '15a',
    'subjects.categories': '27',
    'data.categories': '28',
    'consequences.likely': '19',
    'measures.taken': '21',
    'informing.informedAt': '23a',
    'informing.plannedAt': '23c',
    'informing.grounds': '23d',
  },
};

/**
 * The fields IMY marks mandatory (*). None has been confirmed yet, so no answer is presented as
 * one IMY requires; what a complete report needs is breachflow's own checklist (Art. 33(3)).
 */
export const IMY_MANDATORY_FIELDS: readonly FilingItemId[] = [];
