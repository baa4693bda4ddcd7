import type { IncidentFacts } from '../incident/incident-facts.js';
import type { FilingLabels } from './filing-labels.js';
import { formatCount } from './format-numbers.js';

/**
 * Art. 33(3)(a) "the nature of the breach": which of confidentiality, integrity and availability
 * was lost, how, and how the data was protected, one sentence a line. Null until the breach facts
 * are recorded.
 */
export function describeBreachNature(facts: IncidentFacts, labels: FilingLabels): string | null {
  const { breach, data } = facts;
  if (breach === undefined) return null;
  const { phrases } = labels;
  const lines: string[] = [];
  if (breach.confidentiality) {
    lines.push(phrases.confidentiality(labels.exposures[breach.confidentiality.exposure]));
    if (breach.confidentiality.recipientsTrusted === true) lines.push(phrases.recipientsTrusted);
    if (breach.confidentiality.dataRetrievedOrDeleted === true) lines.push(phrases.dataRetrievedOrDeleted);
  }
  if (breach.integrity) lines.push(phrases.integrity(breach.integrity.recoverable, breach.integrity.possiblyMisused));
  if (breach.availability) {
    const { permanentLoss, backupRestorable, hoursUnavailable } = breach.availability;
    const hours = hoursUnavailable === undefined ? undefined : formatCount(hoursUnavailable, labels);
    lines.push(phrases.availability(permanentLoss, backupRestorable, hours));
  }
  lines.push(breach.malicious ? phrases.malicious : phrases.notMalicious);
  // Whether data left matters only where someone could have taken it.
  if (breach.malicious && breach.confidentiality) {
    lines.push(breach.exfiltrationRuledOut === true ? phrases.exfiltrationRuledOut : phrases.exfiltrationNotRuledOut);
  }
  if (data !== undefined) lines.push(labels.protections[data.protection]);
  return lines.join('\n');
}
