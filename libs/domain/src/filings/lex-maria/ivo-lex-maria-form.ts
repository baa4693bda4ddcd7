import type { FilingItemId } from '../filing-item-ids.js';

/**
 * IVO's form for a Lex Maria report ("Anmälan av händelser som har medfört eller hade kunnat
 * medföra en allvarlig vårdskada", HSLF-FS 2017:41 5 §), as far as it is known: the form's own
 * text has not been available, so its layout is reconstructed from IVO's guidance and the law.
 * Each question says where it sits on the form and whether that is confirmed; the draft marks the
 * unconfirmed ones, and nothing is numbered until IVO's numbering is confirmed.
 */
export const IVO_LEX_MARIA_FORM_VERSION = 'ivo-lex-maria-2017-09';

export interface IvoFormField {
  /** The part of the form the answer goes in, as reconstructed. */
  part: string;
  /** The law or IVO's own guidance confirms that the form asks this. */
  confirmed: boolean;
}

export const IVO_LEX_MARIA_FIELDS: Readonly<Partial<Record<FilingItemId, IvoFormField>>> = {
  'controller.name': { part: 'Vårdgivare', confirmed: true },
  'controller.orgNumber': { part: 'Vårdgivare', confirmed: true },
  'controller.postalAddress': { part: 'Vårdgivare', confirmed: true },
  'controller.reference': { part: 'Vårdgivare', confirmed: false },
  // IVO routes a report to the regional department that supervises the unit.
  'lexMaria.careUnit': { part: 'Verksamhet', confirmed: false },
  // HSLF-FS 2017:41 4 §: the care provider designates who reports.
  'lexMaria.reporters': { part: 'Anmälare', confirmed: true },
  'contact.name': { part: 'Anmälare', confirmed: false },
  'contact.role': { part: 'Anmälare', confirmed: false },
  'contact.phone': { part: 'Anmälare', confirmed: false },
  'contact.email': { part: 'Anmälare', confirmed: false },
  'lexMaria.patientIdentity': { part: 'Patient', confirmed: false },
  // PSL 3 kap. 5 §: the event is what is reported.
  'timeline.occurredAt': { part: 'Händelse', confirmed: true },
  'timeline.discoveredAt': { part: 'Händelse', confirmed: false },
  'lexMaria.eventDescription': { part: 'Händelse', confirmed: true },
  // PSL 1 kap. 5 §: caused or could have caused a serious care injury.
  'lexMaria.seriousCareInjury': { part: 'Vårdskada', confirmed: true },
  'lexMaria.patientConsequences': { part: 'Vårdskada', confirmed: true },
  'lexMaria.otherReports': { part: 'Andra anmälningar', confirmed: false },
  'lexMaria.patientInformation': { part: 'Information till patient', confirmed: false },
  // PSL 3 kap. 5 § 2 st.: the investigation goes with the report or as soon as possible after it.
  'lexMaria.investigation': { part: 'Utredning', confirmed: true },
  'measures.taken': { part: 'Åtgärder', confirmed: false },
  'lexMaria.plannedMeasures': { part: 'Åtgärder', confirmed: false },
};
