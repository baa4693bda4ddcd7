import type { Art34Exception, RiskOutcome, Severity, SeverityBand } from './assessment.js';
import { ART34_EXCEPTION_TEXT } from './art34-exceptions.js';
import { formatScore, type Finding } from './finding.js';

// The rationale is what a DPO copies into the register and the filing to IMY, so it is written
// for people, in Swedish and English, and names the reasons rather than restating the numbers.

const OUTCOME_EN: Record<RiskOutcome, string> = {
  'no-risk':
    'The breach is unlikely to result in a risk to the rights and freedoms of the people affected: record it in the ' +
    'internal breach register (GDPR Art. 33(5)); neither the supervisory authority nor the people need to be notified.',
  risk:
    'The breach is likely to result in a risk to the people affected: notify the supervisory authority (IMY) without ' +
    'undue delay and at the latest within 72 hours of becoming aware of it (Art. 33) and record it in the register. It is not likely to result in a high ' +
    'risk, so the people affected need not be informed (Art. 34).',
  'high-risk':
    'The breach is likely to result in a high risk to the people affected: notify the supervisory authority (IMY) ' +
    'without undue delay and at the latest within 72 hours of becoming aware of it (Art. 33), inform the people affected without undue delay (Art. 34), and ' +
    'record it in the register.',
};

const OUTCOME_SV: Record<RiskOutcome, string> = {
  'no-risk':
    'Det är osannolikt att incidenten medför en risk för de registrerades rättigheter och friheter: dokumentera den ' +
    'i dokumentationen av personuppgiftsincidenter (artikel 33.5 i dataskyddsförordningen). Varken Integritetsskyddsmyndigheten ' +
    'eller de registrerade behöver underrättas.',
  risk:
    'Incidenten medför sannolikt en risk för de registrerade: anmäl den till Integritetsskyddsmyndigheten (IMY) utan ' +
    'onödigt dröjsmål och senast inom 72 timmar från att ni fick vetskap om den (artikel 33) och dokumentera den. Den medför sannolikt inte en hög ' +
    'risk, så de registrerade behöver inte informeras (artikel 34).',
  'high-risk':
    'Incidenten medför sannolikt en hög risk för de registrerade: anmäl den till Integritetsskyddsmyndigheten (IMY) ' +
    'utan onödigt dröjsmål och senast inom 72 timmar från att ni fick vetskap om den (artikel 33), informera de registrerade utan onödigt dröjsmål ' +
    '(artikel 34) och dokumentera den.',
};

const BAND_EN: Record<SeverityBand, string> = { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' };
const BAND_SV: Record<SeverityBand, string> = { low: 'låg', medium: 'medel', high: 'hög', 'very-high': 'mycket hög' };

const isDoubt = (finding: Finding): boolean => finding.id.startsWith('doubt.');
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
const decimalComma = (value: number): string => formatScore(value).replace('.', ',');

export interface RationaleInput {
  outcome: RiskOutcome;
  severity: Severity;
  findings: readonly Finding[];
  art34Exceptions: readonly Art34Exception[];
}

export function writeRationale({ outcome, severity, findings, art34Exceptions }: RationaleInput): { sv: string; en: string } {
  const raising = findings.filter((finding) => finding.effect === 'raises' && !isDoubt(finding));
  const lowering = findings.filter((finding) => finding.effect === 'lowers');
  const doubts = findings.filter(isDoubt);
  const list = (items: readonly Finding[], label: (finding: Finding) => string): string =>
    items.map((finding) => lowerFirst(label(finding))).join('; ');

  const en = [
    OUTCOME_EN[outcome],
    `Severity by the ENISA method: ${formatScore(severity.score)} (${BAND_EN[severity.band]}) = data processing context ` +
      `${formatScore(severity.dpc)} × ease of identification ${formatScore(severity.ei)} + circumstances of the breach ${formatScore(severity.cb)}.`,
    raising.length > 0 ? `Raising the risk: ${list(raising, (f) => f.label)}.` : '',
    lowering.length > 0 ? `Lowering it: ${list(lowering, (f) => f.label)}.` : '',
    doubts.length > 0
      ? `Where the facts left doubt, the model chose the outcome that protects people: ${list(doubts, (f) => f.label)}.`
      : '',
    art34Exceptions.length > 0
      ? `Possible exceptions to informing the people, for a person to confirm if the outcome is high risk: ${art34Exceptions.map((e) => ART34_EXCEPTION_TEXT[e].en).join('; ')}.`
      : '',
  ];

  const sv = [
    OUTCOME_SV[outcome],
    `Allvarlighetsgrad enligt ENISA:s metod: ${decimalComma(severity.score)} (${BAND_SV[severity.band]}) = ` +
      `behandlingssammanhang ${decimalComma(severity.dpc)} × identifierbarhet ${decimalComma(severity.ei)} + ` +
      `omständigheter kring incidenten ${decimalComma(severity.cb)}.`,
    raising.length > 0 ? `Det som höjer risken: ${list(raising, (f) => f.labelSv)}.` : '',
    lowering.length > 0 ? `Det som sänker risken: ${list(lowering, (f) => f.labelSv)}.` : '',
    doubts.length > 0
      ? `Där underlaget lämnar utrymme för tvivel har modellen valt det utfall som skyddar de registrerade: ${list(doubts, (f) => f.labelSv)}.`
      : '',
    art34Exceptions.length > 0
      ? `Möjliga undantag från att informera de registrerade, som en person måste ta ställning till om risken är hög: ${art34Exceptions.map((e) => ART34_EXCEPTION_TEXT[e].sv).join('; ')}.`
      : '',
  ];

  return { sv: sv.filter(Boolean).join(' '), en: en.filter(Boolean).join(' ') };
}
