import type {
  AvailabilityLoss,
  ConfidentialityExposure,
  DataCategory,
  RiskFacts,
  SubjectCategory,
} from './risk-facts.js';

/**
 * Plain readings of the facts that several rules share, so that ENISA's score and the EDPB
 * qualifiers always agree on what, for example, "the data is unintelligible" means.
 */
export interface FactsReading {
  facts: RiskFacts;
  /** The confidentiality exposure the model works with, including one it had to presume. */
  exposure: ConfidentialityExposure | 'none';
  /** An attack that did not rule out exfiltration: the model presumes the data left. */
  exposurePresumed: boolean;
  /** Encryption with a safe key or strong salted hashing: nobody who got the data can read it. */
  unintelligible: boolean;
  /** The data is readable and was not already lawfully public, so the breach reveals something new. */
  revealsSomethingNew: boolean;
  /** Known, trusted recipients who returned or deleted the data after an honest mistake. */
  exposureContained: boolean;
  /** Someone may have read the data and nothing has taken that possibility away. */
  exposureLive: boolean;
  /** Data was altered and cannot be fully restored or may have been misused. */
  integrityHarm: boolean;
  availability: AvailabilityReading | undefined;
  /** Only availability was affected: nobody read or altered anything. */
  availabilityOnly: boolean;
  /** A healthcare or social-care controller, whose unavailability can affect care itself. */
  careProvider: boolean;
  /** Being in this controller's records reveals something about health or social circumstances. */
  careRelationshipReveals: boolean;
  /** The subject categories whose relationship with the controller is revealing. */
  careRecipients: SubjectCategory[];
  vulnerableSubjects: SubjectCategory[];
  specialCategories: DataCategory[];
  /** The facts leave the volume per person unstated. */
  volumeUnstated: boolean;
}

export type AvailabilityReading = 'restored-quickly' | 'temporary' | 'permanent';

/** Restored within a working day from a backup counts as "without difficulty" in ENISA's terms. */
export const QUICK_RESTORE_HOURS = 24;

/** GDPR Art. 9 and Art. 10 data, plus social-welfare data, which Swedish secrecy law protects alike. */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = [
  'health',
  'genetic',
  'biometric',
  'sex-life',
  'beliefs-or-politics',
  'union-membership',
  'ethnic-origin',
  'criminal',
  'social-welfare',
];

export const VULNERABLE_SUBJECTS: readonly SubjectCategory[] = ['children', 'psychiatric-patients', 'vulnerable-adults'];

const CARE_SECTORS = ['healthcare', 'social-care'];
const CARE_RECIPIENTS: readonly SubjectCategory[] = ['patients', 'psychiatric-patients', 'vulnerable-adults', 'children'];

export function readAvailability(loss: AvailabilityLoss): AvailabilityReading {
  if (loss.permanentLoss) return 'permanent';
  const hours = loss.hoursUnavailable;
  if (hours !== undefined) return hours <= QUICK_RESTORE_HOURS ? 'restored-quickly' : 'temporary';
  return loss.backupRestorable ? 'restored-quickly' : 'temporary';
}

export function readFacts(facts: RiskFacts): FactsReading {
  const { breach, data, subjects, controller } = facts;
  const stated = breach.confidentiality?.exposure;
  const exposurePresumed =
    breach.malicious && breach.exfiltrationRuledOut !== true && (stated === undefined || stated === 'no-evidence-of-access');
  const exposure = exposurePresumed ? 'unknown-recipients' : (stated ?? 'none');
  const unintelligible = data.protection === 'encrypted-key-safe' || data.protection === 'hashed-strong';
  const exposureContained =
    stated === 'known-recipients' &&
    !breach.malicious &&
    breach.confidentiality?.recipientsTrusted === true &&
    breach.confidentiality.dataRetrievedOrDeleted === true;
  const someoneMayHaveRead = exposure !== 'none' && exposure !== 'no-evidence-of-access';
  const integrityHarm = breach.integrity !== undefined && (!breach.integrity.recoverable || breach.integrity.possiblyMisused);
  const careProvider = CARE_SECTORS.includes(controller.sector);
  const careRecipients = subjects.categories.filter(
    (category) => category === 'psychiatric-patients' || (careProvider && CARE_RECIPIENTS.includes(category)),
  );

  return {
    facts,
    exposure,
    exposurePresumed,
    unintelligible,
    revealsSomethingNew: !unintelligible && data.alreadyPublic !== true,
    exposureContained,
    exposureLive: someoneMayHaveRead && !exposureContained,
    integrityHarm,
    availability: breach.availability && readAvailability(breach.availability),
    availabilityOnly: breach.availability !== undefined && breach.integrity === undefined && !someoneMayHaveRead,
    careProvider,
    careRelationshipReveals: careRecipients.length > 0,
    careRecipients,
    vulnerableSubjects: subjects.categories.filter((category) => VULNERABLE_SUBJECTS.includes(category)),
    specialCategories: data.categories.filter((category) => SPECIAL_CATEGORIES.includes(category)),
    volumeUnstated: data.volumePerSubject === undefined,
  };
}
