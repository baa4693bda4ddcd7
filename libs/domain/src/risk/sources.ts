// Where each rule of the model comes from. Citations name the section and heading of the
// guidance rather than paragraph numbers, which differ between the WP250 and 9/2022 editions.

const ENISA = 'ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches (2013)';
const EDPB_NOTIFICATION = 'EDPB Guidelines 9/2022 on personal data breach notification under GDPR (v2.0)';
const EDPB_EXAMPLES = 'EDPB Guidelines 01/2021 on examples regarding personal data breach notification (v2.0)';

export const SOURCES = {
  enisaDataProcessingContext: `${ENISA}, criterion "Data Processing Context" (DPC)`,
  enisaEaseOfIdentification: `${ENISA}, criterion "Ease of Identification" (EI)`,
  enisaCircumstances: `${ENISA}, criterion "Circumstances of Breach" (CB)`,
  typeOfBreach: `${EDPB_NOTIFICATION}, section IV.B, "The type of breach"`,
  natureOfData: `${EDPB_NOTIFICATION}, section IV.B, "The nature, sensitivity, and volume of personal data"`,
  easeOfIdentification: `${EDPB_NOTIFICATION}, section IV.B, "Ease of identification of individuals"`,
  severityOfConsequences: `${EDPB_NOTIFICATION}, section IV.B, "Severity of consequences for individuals"`,
  specialIndividuals: `${EDPB_NOTIFICATION}, section IV.B, "Special characteristics of the individual"`,
  specialController: `${EDPB_NOTIFICATION}, section IV.B, "Special characteristics of the data controller"`,
  numberOfIndividuals: `${EDPB_NOTIFICATION}, section IV.B, "The number of affected individuals"`,
  annexExamples: `${EDPB_NOTIFICATION}, Annex B, "Examples of personal data breaches and who to notify"`,
  notificationNotRequired: `${EDPB_NOTIFICATION}, section II.D, "Conditions where notification is not required"`,
  communicationNotRequired: `${EDPB_NOTIFICATION}, section III.D, "Conditions where communication is not required"; GDPR Art. 34(3)`,
  availabilityInHealthcare: `${EDPB_NOTIFICATION}, section I.B.3 and Annex B (hospital records unavailable); ${EDPB_EXAMPLES}, chapter 2 (ransomware at a hospital)`,
  attackerExfiltration: `${EDPB_EXAMPLES}, chapter 3 (data exfiltration attacks) and chapter 5 (stolen devices and paper)`,
  availabilityOnly: `${EDPB_EXAMPLES}, chapter 2 (ransomware with a proper backup and no exfiltration); ${EDPB_NOTIFICATION}, section I.B.2 (availability breaches)`,
  mistakenDisclosure: `${EDPB_EXAMPLES}, chapters 4 and 6 (internal human error, misdirected mail)`,
  whenInDoubt: `${EDPB_NOTIFICATION}, sections II and IV (when in doubt, err on the side of caution)`,
} as const;
