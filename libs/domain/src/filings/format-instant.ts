import type { OccurredAt } from '../incident/incident-facts.js';
import type { FilingLabels } from './filing-labels.js';

/**
 * An instant as a person in the organisation reads it: the wall clock of its time zone, with the
 * zone's abbreviation (CET/CEST) or offset so that nobody has to guess. Only the numeric parts and
 * the zone name come from Intl; month names and the layout are ours, because ICU releases change
 * abbreviations and separators ("Sep" → "Sept") and a filing must read the same on every Node.
 */
export function formatInstant(iso: string, timeZone: string, labels: FilingLabels): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  const parts = new Intl.DateTimeFormat(labels.locale, {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const year = part('year');
  const month = Number(part('month'));
  const day = Number(part('day'));
  const time = `${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}`;
  const zone = part('timeZoneName');
  if (labels.language === 'sv') {
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} kl. ${time} ${zone}`;
  }
  return `${day} ${labels.monthNames[month - 1]} ${year}, ${time} ${zone}`;
}

/** When the breach happened: an instant, "between … and …" when only bounds are known, or unknown. */
export function formatOccurredAt(occurredAt: OccurredAt | undefined, timeZone: string, labels: FilingLabels): string {
  if (occurredAt === undefined) return labels.phrases.occurredUnknown;
  if (typeof occurredAt === 'string') return formatInstant(occurredAt, timeZone, labels);
  return labels.phrases.between(formatInstant(occurredAt.from, timeZone, labels), formatInstant(occurredAt.to, timeZone, labels));
}
