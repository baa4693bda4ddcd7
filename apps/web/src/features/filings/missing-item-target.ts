/**
 * Where the fact that answers a missing report item is filled in: the organisation's details on
 * the settings page, everything about the breach in the incident's correction form.
 */
const SETTINGS_FIELDS: Record<string, string> = {
  'controller.name': 'legalName',
  'controller.orgNumber': 'orgNumber',
  'controller.postalAddress': 'postalAddress',
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
  'contact.email': 'contactEmail',
  'contact.role': 'contactRole',
  'contact.address': 'postalAddress',
  'lexMaria.reporters': 'lexMariaReporters',
};

const INCIDENT_FIELDS: Record<string, string> = {
  'timeline.discoveredAt': 'discoveredAt',
  'timeline.awareAt': 'awareAt',
  'timeline.ceasedAt': 'containedAt',
  'timeline.ceased': 'containedAt',
  'breach.title': 'title',
  'breach.description': 'summary',
  'breach.cause': 'cause',
  'records.count': 'approxRecords',
  'consequences.likely': 'likelyConsequences',
  'measures.taken': 'measures',
  'lexMaria.eventDescription': 'summary',
  'lexMaria.careUnit': 'careUnit',
  'lexMaria.patientConsequences': 'patientConsequences',
};

/** What the tracks' tasks record (the patient groups informed, the event analysis): the incident's task list. */
const TASK_ITEMS = new Set(['patientInformation', 'investigation', 'plannedMeasures', 'analysisMethod', 'courseOfEvents', 'harm', 'causes', 'recurrence', 'followUp', 'patientAccount', 'investigators'].map((item) => `lexMaria.${item}`));

/** What the report itself says (on this page, in the draft's own fields). */
const REPORT_FIELDS: Record<string, string> = {
  'other.informationToFollow': 'supplementsToFollow',
};

export interface MissingItemTarget {
  where: 'settings' | 'incident' | 'report';
  href: string;
}

export function missingItemTarget(itemId: string, incidentId: string): MissingItemTarget {
  if (SETTINGS_FIELDS[itemId]) return { where: 'settings', href: `/settings#field-${SETTINGS_FIELDS[itemId]}` };
  if (TASK_ITEMS.has(itemId)) return { where: 'incident', href: `/incidents/${incidentId}#tasks` };
  if (REPORT_FIELDS[itemId]) return { where: 'report', href: `#field-${REPORT_FIELDS[itemId]}` };
  return { where: 'incident', href: `/incidents/${incidentId}#${INCIDENT_FIELDS[itemId] ? `field-${INCIDENT_FIELDS[itemId]}` : 'correct'}` };
}
