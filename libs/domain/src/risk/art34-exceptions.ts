import type { Art34Exception } from './assessment.js';
import type { FactsReading } from './facts-reading.js';

/**
 * From this many people, without contact data to reach them, individual communication may take
 * a disproportionate effort; Art. 34(3)(c) then requires a public communication instead.
 */
export const VERY_LARGE_NUMBER_OF_PEOPLE = 100_000;

/**
 * The Art. 34(3) grounds the facts appear to support. They are candidates only: relying on one
 * is a documented decision by a person, and it matters only when the outcome is high-risk.
 */
export function art34ExceptionCandidates(reading: FactsReading): Art34Exception[] {
  const { breach, data, subjects } = reading.facts;
  const candidates: Art34Exception[] = [];
  if (reading.unintelligible) candidates.push('34(3)(a)');
  if (
    breach.confidentiality?.exposure === 'known-recipients' &&
    breach.confidentiality.dataRetrievedOrDeleted === true &&
    !breach.malicious
  ) {
    candidates.push('34(3)(b)');
  }
  if (subjects.approxCount >= VERY_LARGE_NUMBER_OF_PEOPLE && !data.categories.includes('contact')) {
    candidates.push('34(3)(c)');
  }
  return candidates;
}

/**
 * The Art. 34(3) grounds in the words of the regulation's official Swedish and English texts: the
 * one wording the rationale, the filings and the register all use.
 */
export const ART34_EXCEPTION_TEXT: Readonly<Record<Art34Exception, { sv: string; en: string }>> = {
  '34(3)(a)': {
    sv: 'artikel 34.3 a: uppgifterna har gjorts oläsbara för alla som inte är behöriga att få tillgång till dem, t.ex. genom kryptering',
    en: 'Art. 34(3)(a): the data has been rendered unintelligible to any person who is not authorised to access it, such as by encryption',
  },
  '34(3)(b)': {
    sv: 'artikel 34.3 b: ytterligare åtgärder har vidtagits som säkerställer att den höga risken för de registrerades rättigheter och friheter sannolikt inte längre kommer att uppstå',
    en: 'Art. 34(3)(b): subsequent measures ensure that the high risk to the rights and freedoms of the data subjects is no longer likely to materialise',
  },
  '34(3)(c)': {
    sv: 'artikel 34.3 c: det skulle innebära en oproportionell ansträngning att informera var och en; i stället informeras allmänheten eller en liknande åtgärd vidtas genom vilken de registrerade informeras på ett lika effektivt sätt',
    en: 'Art. 34(3)(c): informing each person would involve disproportionate effort; instead there is a public communication or similar measure whereby the data subjects are informed in an equally effective manner',
  },
};
