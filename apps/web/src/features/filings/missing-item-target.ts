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
};

export function missingItemTarget(itemId: string, incidentId: string): string {
  if (SETTINGS_FIELDS[itemId]) return `/settings#field-${SETTINGS_FIELDS[itemId]}`;
  return `/incidents/${incidentId}#${INCIDENT_FIELDS[itemId] ? `field-${INCIDENT_FIELDS[itemId]}` : 'correct'}`;
}
