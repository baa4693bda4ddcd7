import type { IncidentCause, OrganisationRole } from '../incident/incident-facts.js';
import type { IncidentStatus } from '../incident/incident-status.js';
import type { RiskOutcome, SeverityBand } from '../risk/assessment.js';
import { isTrackKind, trackLabel } from '../tracks/catalogue.js';
import { toCsv, type CsvOptions } from './csv.js';
import { canonicalRegister } from './register-canonical.js';
import type { RegisterEntry, RegisterTrackOutcome } from './register-entry.js';

export type RegisterLanguage = 'sv' | 'en';

type Text = Record<RegisterLanguage, string>;

/** Between the items of a list in one cell. The JSON export is the exact form; this is for reading. */
const LIST_SEPARATOR = '; ';

const STATUS: Record<IncidentStatus, Text> = {
  open: { sv: 'Öppen', en: 'Open' },
  closed: { sv: 'Avslutad', en: 'Closed' },
};

const ROLE: Record<OrganisationRole, Text> = {
  controller: { sv: 'Personuppgiftsansvarig', en: 'Controller' },
  processor: { sv: 'Personuppgiftsbiträde', en: 'Processor' },
};

const CAUSE: Record<IncidentCause, Text> = {
  'external-attack': { sv: 'Extern attack', en: 'External attack' },
  misconfiguration: { sv: 'Felaktig konfiguration', en: 'Misconfiguration' },
  'misdirected-communication': { sv: 'Felskickat meddelande', en: 'Misdirected communication' },
  'lost-or-stolen-device': { sv: 'Förlorad eller stulen enhet', en: 'Lost or stolen device' },
  insider: { sv: 'Intern aktör', en: 'Insider' },
  'third-party': { sv: 'Tredje part', en: 'Third party' },
  other: { sv: 'Annat', en: 'Other' },
};

const OUTCOME: Record<RiskOutcome, Text> = {
  'no-risk': { sv: 'Risk osannolik', en: 'Risk unlikely' },
  risk: { sv: 'Risk', en: 'Risk' },
  'high-risk': { sv: 'Hög risk', en: 'High risk' },
};

const BAND: Record<SeverityBand, Text> = {
  low: { sv: 'Låg', en: 'Low' },
  medium: { sv: 'Medel', en: 'Medium' },
  high: { sv: 'Hög', en: 'High' },
  'very-high': { sv: 'Mycket hög', en: 'Very high' },
};


const KIND: Record<string, Text> = {
  initial: { sv: 'första anmälan', en: 'initial report' },
  supplement: { sv: 'komplettering', en: 'supplement' },
  final: { sv: 'slutlig anmälan', en: 'final report' },
  'no-breach': { sv: 'återkallad: ingen incident', en: 'withdrawn: no breach' },
};

const GAP: Record<string, Text> = {
  summary: { sv: 'Beskrivning av incidenten', en: 'Facts of the breach' },
  effects: { sv: 'Sannolika konsekvenser', en: 'Likely consequences' },
  'remedial-action': { sv: 'Vidtagna eller planerade åtgärder', en: 'Measures taken or proposed' },
  assessment: { sv: 'Riskbedömning', en: 'Risk assessment' },
  'override-justification': { sv: 'Motivering till ändrad riskbedömning', en: 'Justification of the overridden outcome' },
  'delay-reasons': { sv: 'Motivering till förseningen', en: 'Reasons for the delay' },
};

const TRACK_OUTCOME: Record<RegisterTrackOutcome['outcome'], Text> = {
  filed: { sv: 'inlämnad', en: 'filed' },
  'not-required': { sv: 'krävs inte (beslut)', en: 'not required (decided)' },
  'screened-out': { sv: 'bedömd som ej tillämplig', en: 'screened out' },
  open: { sv: 'öppen', en: 'open' },
};

const WORDS = {
  applies: { sv: 'ska rapporteras', en: 'applies' },
  doesNotApply: { sv: 'ska inte rapporteras', en: 'does not apply' },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  unknown: { sv: 'Okänt', en: 'Unknown' },
  filed: { sv: 'inlämnad', en: 'filed' },
  late: { sv: 'för sent', en: 'late' },
  reference: { sv: 'ref.', en: 'ref.' },
  trackGap: { sv: 'Anmälan eller beslut om att anmälan inte krävs', en: 'Report or decision that none is required' },
} satisfies Record<string, Text>;

export function registerTrackLabel(track: string, language: RegisterLanguage): string {
  return isTrackKind(track) ? trackLabel(track, language) : track;
}

/** A gap code of `registerEntryMissing` in words. */
export function registerGapLabel(gap: string, language: RegisterLanguage): string {
  if (gap.startsWith('track:')) return `${WORDS.trackGap[language]}: ${registerTrackLabel(gap.slice('track:'.length), language)}`;
  return GAP[gap]?.[language] ?? gap;
}

type Cell = string | number | boolean | null;

interface Column {
  header: Text;
  value: (entry: RegisterEntry, language: RegisterLanguage) => Cell;
}

const list = (items: readonly string[]): string => items.join(LIST_SEPARATOR);

/** The columns, in the order of the Art. 33(5) record: facts, effects, remedial action, then how it was handled. */
const COLUMNS: Column[] = [
  { header: { sv: 'Referens', en: 'Reference' }, value: (e) => e.reference },
  { header: { sv: 'Rubrik', en: 'Title' }, value: (e) => e.title },
  { header: { sv: 'Status', en: 'Status' }, value: (e, l) => STATUS[e.status][l] },
  {
    header: { sv: 'Inträffade', en: 'Occurred' },
    // A range as an ISO 8601 interval: unambiguous in both languages.
    value: (e, l) => (e.occurredAt === null ? WORDS.unknown[l] : typeof e.occurredAt === 'string' ? e.occurredAt : `${e.occurredAt.from}/${e.occurredAt.to}`),
  },
  { header: { sv: 'Upptäcktes', en: 'Discovered' }, value: (e) => e.discoveredAt },
  { header: { sv: 'Kännedom (72-timmarsfristen börjar)', en: 'Became aware (72-hour clock starts)' }, value: (e) => e.awareAt },
  { header: { sv: 'Begränsades', en: 'Contained' }, value: (e) => e.containedAt },
  { header: { sv: 'Orsak', en: 'Cause' }, value: (e, l) => (e.cause === null ? null : CAUSE[e.cause][l]) },
  { header: { sv: 'Vår roll', en: 'Our role' }, value: (e, l) => ROLE[e.ourRole][l] },
  { header: { sv: 'Beskrivning av incidenten', en: 'Facts of the breach' }, value: (e) => e.summary },
  { header: { sv: 'Kategorier av personuppgifter', en: 'Categories of personal data' }, value: (e) => list(e.dataCategories) },
  { header: { sv: 'Kategorier av registrerade', en: 'Categories of data subjects' }, value: (e) => list(e.subjectCategories) },
  { header: { sv: 'Ungefärligt antal registrerade', en: 'Approximate number of data subjects' }, value: (e) => e.approxSubjects },
  { header: { sv: 'Ungefärligt antal poster', en: 'Approximate number of records' }, value: (e) => e.approxRecords },
  { header: { sv: 'Sannolika konsekvenser', en: 'Likely consequences' }, value: (e) => e.effects },
  { header: { sv: 'Vidtagna eller planerade åtgärder', en: 'Measures taken or proposed' }, value: (e) => e.remedialAction },
  { header: { sv: 'Riskbedömning', en: 'Risk outcome' }, value: (e, l) => (e.assessment ? OUTCOME[e.assessment.outcome][l] : null) },
  { header: { sv: 'Modellens bedömning', en: 'Outcome computed by the model' }, value: (e, l) => (e.assessment ? OUTCOME[e.assessment.computedOutcome][l] : null) },
  { header: { sv: 'Allvarlighetsgrad', en: 'Severity' }, value: (e, l) => (e.assessment ? BAND[e.assessment.band][l] : null) },
  { header: { sv: 'Allvarlighetspoäng', en: 'Severity score' }, value: (e) => e.assessment?.score ?? null },
  { header: { sv: 'Modellversion', en: 'Model version' }, value: (e) => e.assessment?.modelVersion ?? null },
  { header: { sv: 'Hash av underlaget', en: 'Input hash' }, value: (e) => e.assessment?.inputHash ?? null },
  { header: { sv: 'Motivering', en: 'Rationale' }, value: (e) => e.assessment?.rationale ?? null },
  { header: { sv: 'Bedömningen ändrad', en: 'Outcome overridden' }, value: (e) => e.assessment?.overridden ?? null },
  { header: { sv: 'Motivering till ändringen', en: 'Override justification' }, value: (e) => e.assessment?.overrideJustification ?? null },
  { header: { sv: 'Beslut', en: 'Decisions' }, value: (e) => list(e.decisions.map((d) => `${d.at} ${d.by}: ${d.what}`)) },
  {
    header: { sv: 'Anmälningar', en: 'Reports' },
    value: (e, l) =>
      list(
        e.filings.map((f) =>
          [
            `${registerTrackLabel(f.track, l)}: ${KIND[f.kind]?.[l] ?? f.kind}, `,
            // Once filed, when is what matters; before that, how far it got.
            f.filedAt ? `${WORDS.filed[l]} ${f.filedAt}` : f.status,
            f.reference ? ` (${WORDS.reference[l]} ${f.reference})` : '',
            f.late === true ? ` [${WORDS.late[l]}]` : '',
          ].join(''),
        ),
      ),
  },
  { header: { sv: 'Skäl till försening', en: 'Reasons for delay' }, value: (e) => list(e.delayReasons) },
  {
    header: { sv: 'Beslut om att anmälan inte krävs', en: 'Decided that no report is required' },
    value: (e, l) => list(e.notRequired.map((n) => `${registerTrackLabel(n.track, l)}: ${n.reason} (${n.decidedBy}, ${n.decidedAt})`)),
  },
  {
    header: { sv: 'Bedömningar (lex Maria, NIS2)', en: 'Screenings (Lex Maria, NIS2)' },
    value: (e, l) => list(e.screenings.map((s) => `${registerTrackLabel(s.track, l)}: ${(s.applies ? WORDS.applies : WORDS.doesNotApply)[l]}: ${s.reason} (${s.decidedBy}, ${s.decidedAt})`)),
  },
  { header: { sv: 'Spår och utfall', en: 'Tracks and outcomes' }, value: (e, l) => list(e.tracks.map((t) => `${registerTrackLabel(t.track, l)}: ${TRACK_OUTCOME[t.outcome][l]}`)) },
  { header: { sv: 'Komplett', en: 'Complete' }, value: (e) => e.complete },
  { header: { sv: 'Saknas', en: 'Missing' }, value: (e, l) => list(e.missing.map((gap) => registerGapLabel(gap, l))) },
  { header: { sv: 'Avslutades', en: 'Closed' }, value: (e) => e.closedAt },
  { header: { sv: 'Incident-id', en: 'Incident id' }, value: (e) => e.incidentId },
];

function cellText(value: Cell, language: RegisterLanguage): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return (value ? WORDS.yes : WORDS.no)[language];
  return String(value);
}

/**
 * The register as CSV (RFC 4180: CRLF, quoted fields where needed, formula cells neutralised —
 * see `csv.ts`): a header row in the language, then one row per incident in register order.
 * `{ bom: true }` for Excel.
 */
export function registerToCsv(entries: readonly RegisterEntry[], language: RegisterLanguage, options: CsvOptions = {}): string {
  const header = COLUMNS.map((column) => column.header[language]);
  const rows = canonicalRegister(entries).map((entry) => COLUMNS.map((column) => cellText(column.value(entry, language), language)));
  return toCsv([header, ...rows], options);
}
