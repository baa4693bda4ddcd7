import type { RiskOutcome, Severity } from './assessment.js';
import type { FactsReading } from './facts-reading.js';
import { formatCount, formatScore, type Finding } from './finding.js';
import type { OutcomeEffect } from './outcome-rules.js';
import type { CareImpact } from './risk-facts.js';
import { SOURCES } from './sources.js';

// ENISA scores severity; the EDPB's guidance decides what that means in law. Each qualifier
// below is one principle from Guidelines 9/2022 (section IV) or 01/2021, stated generally so
// that it applies to any breach, and each is visible in the assessment when it applies.

/**
 * The guidance contrasts "one or a few individuals" with "several thousand, if not many more", and
 * its own examples call a mailing to 1,000+ recipients a large number. From this many people, the
 * chance that someone among them is harmed by readable data in the wrong hands is one step higher.
 */
export const LARGE_NUMBER_OF_PEOPLE = 1_000;

/** ENISA's EI "significant" or above: the data leads to the person without effort. */
const DIRECTLY_IDENTIFYING_EI = 0.75;

/** Care effects that put patients' health at risk (high risk); "minor" still is a risk. */
const CARE_IMPACT_FLOOR: Record<CareImpact, RiskOutcome | undefined> = {
  none: undefined,
  minor: 'risk',
  'delayed-or-postponed-care': 'high-risk',
  'harm-occurred': 'high-risk',
  'serious-harm-possible': 'high-risk',
  'serious-harm-occurred': 'high-risk',
};

export interface Qualifier {
  id: string;
  label: string;
  labelSv: string;
  source: string;
  /** The effect on the outcome and the sentence explaining it, or undefined when the qualifier does not apply. */
  apply(reading: FactsReading, severity: Severity): { effect: OutcomeEffect; detail: string } | undefined;
}

export interface QualifierFinding {
  finding: Finding;
  effect: OutcomeEffect;
}

const atMost = (outcome: RiskOutcome): OutcomeEffect => ({ kind: 'at-most', outcome });
const atLeast = (outcome: RiskOutcome): OutcomeEffect => ({ kind: 'at-least', outcome });
const stepUp: OutcomeEffect = { kind: 'step', direction: 'up' };
const stepDown: OutcomeEffect = { kind: 'step', direction: 'down' };
const note: OutcomeEffect = { kind: 'note' };

/** Nothing else happened to the data that the recipients' good conduct could not undo. */
function onlyAContainedDisclosure(reading: FactsReading): boolean {
  const { breach } = reading.facts;
  return (
    reading.exposureContained &&
    breach.integrity === undefined &&
    (reading.availability === undefined || reading.availability === 'restored-quickly')
  );
}

/** Mistaken disclosure to a known, countable set of recipients, without intent. */
function honestMistakeToKnownRecipients(reading: FactsReading): boolean {
  const { breach } = reading.facts;
  return breach.confidentiality?.exposure === 'known-recipients' && !breach.malicious;
}

/** The outage harmed care: the care-impact floor decides, and relaxing for an outage would only confuse. */
const careHarmed = (reading: FactsReading): boolean => {
  const impact = reading.facts.careImpact;
  return impact !== undefined && CARE_IMPACT_FLOOR[impact] === 'high-risk';
};

/** A care provider gave no care impact for an outage: the model cannot assume there was none. */
function careImpactUnknownForOutage(reading: FactsReading): boolean {
  return (
    reading.availabilityOnly &&
    reading.careProvider &&
    reading.facts.careImpact === undefined &&
    reading.availability !== 'permanent'
  );
}

/** Someone may read the data or its alteration can hurt: the harms that content-based qualifiers weigh. */
const dataCanHurt = (reading: FactsReading): boolean =>
  (reading.exposureLive || reading.integrityHarm) && reading.revealsSomethingNew;

export const EDPB_QUALIFIERS: readonly Qualifier[] = [
  {
    id: 'edpb.unintelligible-data',
    label: 'Data unintelligible to anyone who obtained it',
    labelSv: 'Uppgifterna är oläsbara för obehöriga',
    source: `${SOURCES.notificationNotRequired}; ${SOURCES.availabilityOnly}`,
    apply(reading) {
      const { breach, data } = reading.facts;
      const backupCovers =
        breach.availability === undefined || (!breach.availability.permanentLoss && breach.availability.backupRestorable);
      if (!reading.unintelligible || breach.integrity !== undefined || !backupCovers) return undefined;
      const how = data.protection === 'encrypted-key-safe' ? 'encrypted with a key that was not compromised' : 'hashed with a strong salted algorithm';
      const backup = breach.availability ? ' and a usable backup restored it' : '';
      return {
        effect: atMost('no-risk'),
        detail: `The data was ${how}${backup}, so nobody who obtained it can read it: the breach is unlikely to result in a risk (at most "no-risk").`,
      };
    },
  },
  {
    id: 'edpb.trusted-recipients-deleted',
    label: 'Trusted recipients returned or deleted the data',
    labelSv: 'Betrodda mottagare har lämnat tillbaka eller raderat uppgifterna',
    source: `${SOURCES.severityOfConsequences}; ${SOURCES.mistakenDisclosure}`,
    apply(reading) {
      if (!onlyAContainedDisclosure(reading)) return undefined;
      return {
        effect: atMost('no-risk'),
        detail:
          'The data went by mistake only to known recipients bound by confidentiality, who returned it or confirmed its deletion: ' +
          'their trust removes the likelihood of harm (at most "no-risk").',
      };
    },
  },
  {
    id: 'edpb.trusted-recipients',
    label: 'Recipients bound by confidentiality',
    labelSv: 'Mottagarna har tystnadsplikt',
    source: SOURCES.severityOfConsequences,
    apply(reading) {
      const trusted = reading.facts.breach.confidentiality?.recipientsTrusted === true;
      if (!honestMistakeToKnownRecipients(reading) || !trusted || onlyAContainedDisclosure(reading)) return undefined;
      return {
        effect: stepDown,
        detail: 'The known recipients are bound by confidentiality or professional secrecy and cooperative, which makes misuse less likely: one step lower.',
      };
    },
  },
  {
    id: 'edpb.data-retrieved-or-deleted',
    label: 'Data returned or deleted by the recipients',
    labelSv: 'Mottagarna har lämnat tillbaka eller raderat uppgifterna',
    source: `${SOURCES.severityOfConsequences}; ${SOURCES.mistakenDisclosure}`,
    apply(reading) {
      const retrieved = reading.facts.breach.confidentiality?.dataRetrievedOrDeleted === true;
      if (!honestMistakeToKnownRecipients(reading) || !retrieved || onlyAContainedDisclosure(reading)) return undefined;
      return {
        effect: stepDown,
        detail: 'The data was returned or its deletion by every known recipient was confirmed, which shortens the time it could be misused: one step lower.',
      };
    },
  },
  {
    id: 'edpb.availability-restored-quickly',
    label: 'Only availability affected, restored quickly',
    labelSv: 'Endast tillgängligheten påverkades och uppgifterna återställdes snabbt',
    source: SOURCES.availabilityOnly,
    apply(reading) {
      if (!reading.availabilityOnly || reading.availability !== 'restored-quickly' || careHarmed(reading)) return undefined;
      const ceiling = careImpactUnknownForOutage(reading) ? 'risk' : 'no-risk';
      return {
        effect: atMost(ceiling),
        detail:
          'Nobody read or altered the data and it was available again within a working day: the harm of an outage, not the ' +
          `sensitivity of its content, decides the risk (at most "${ceiling}").`,
      };
    },
  },
  {
    id: 'edpb.availability-temporary',
    label: 'Only availability affected, temporarily',
    labelSv: 'Endast tillgängligheten påverkades, tillfälligt',
    source: SOURCES.availabilityOnly,
    apply(reading) {
      if (
        !reading.availabilityOnly ||
        reading.availability !== 'temporary' ||
        careImpactUnknownForOutage(reading) ||
        careHarmed(reading)
      ) {
        return undefined;
      }
      return {
        effect: atMost('risk'),
        detail:
          'Nobody read or altered the data and it was restored, though with effort: the outage is a risk, but without an effect ' +
          'on care it does not make a high risk by itself (at most "risk").',
      };
    },
  },
  {
    id: 'doubt.care-impact-unknown',
    label: 'Effect on care not stated',
    labelSv: 'Påverkan på vården är inte angiven',
    source: `${SOURCES.availabilityInHealthcare}; ${SOURCES.whenInDoubt}`,
    apply(reading) {
      if (!careImpactUnknownForOutage(reading)) return undefined;
      return {
        effect: note,
        detail:
          'A care provider lost access to data but the facts do not say whether care was affected; since unavailable records can ' +
          'delay care, the model does not relax the outcome as it would for an outage without consequences.',
      };
    },
  },
  {
    id: 'edpb.large-number',
    label: 'A large number of people',
    labelSv: 'Ett stort antal berörda',
    source: `${SOURCES.numberOfIndividuals}; ${SOURCES.annexExamples}`,
    apply(reading) {
      const count = reading.facts.subjects.approxCount;
      if (count < LARGE_NUMBER_OF_PEOPLE || !reading.exposureLive || !reading.revealsSomethingNew) return undefined;
      return {
        effect: stepUp,
        detail: `About ${formatCount(count)} people's readable data may have been seen (${formatCount(LARGE_NUMBER_OF_PEOPLE)} or more): the more people, the more likely some are harmed. One step higher.`,
      };
    },
  },
  {
    id: 'edpb.attacker-holds-records',
    label: "Readable records in an attacker's hands",
    labelSv: 'Läsbara uppgifter i en angripares händer',
    source: `${SOURCES.attackerExfiltration}; ${SOURCES.severityOfConsequences}`,
    apply(reading, severity) {
      const { breach, data } = reading.facts;
      const exposure = breach.confidentiality?.exposure;
      const taken = breach.malicious && (exposure === 'unknown-recipients' || exposure === 'public');
      if (!taken || !reading.revealsSomethingNew || severity.ei < DIRECTLY_IDENTIFYING_EI || data.volumePerSubject === 'single-item') {
        return undefined;
      }
      const assumed = reading.volumeUnstated ? ' (the volume per person is not stated, so a record is assumed)' : '';
      return {
        effect: stepUp,
        detail:
          `Someone acting deliberately obtained a readable record about each person${assumed} that identifies them (EI ${formatScore(severity.ei)}), ` +
          'which is what phishing, fraud and identity theft need: one step higher.',
      };
    },
  },
  {
    id: 'edpb.malicious-access',
    label: 'Deliberate access to readable data',
    labelSv: 'Avsiktlig åtkomst till läsbara uppgifter',
    source: SOURCES.severityOfConsequences,
    apply(reading) {
      if (!reading.facts.breach.malicious || !reading.exposureLive || !reading.revealsSomethingNew) return undefined;
      return {
        effect: atLeast('risk'),
        detail: 'Someone deliberately obtained or may have obtained readable personal data; misuse is the purpose of such an act, so a risk cannot be called unlikely (at least "risk").',
      };
    },
  },
  {
    id: 'edpb.uncontained-exposure',
    label: "Data out of the controller's control",
    labelSv: 'Uppgifterna är utom den personuppgiftsansvariges kontroll',
    source: `${SOURCES.easeOfIdentification}; ${SOURCES.typeOfBreach}`,
    apply(reading, severity) {
      const uncontrolled = reading.exposure === 'unknown-recipients' || reading.exposure === 'public';
      if (!uncontrolled || !reading.revealsSomethingNew || severity.ei < DIRECTLY_IDENTIFYING_EI) return undefined;
      const where = reading.exposure === 'public' ? 'was openly available' : 'reached unknown recipients';
      return {
        effect: atLeast('risk'),
        detail: `Data that identifies people ${where}; the controller can neither retrieve it nor know how it will be used (at least "risk").`,
      };
    },
  },
  {
    id: 'edpb.special-category',
    label: 'Special-category, criminal or social-welfare data',
    labelSv: 'Känsliga personuppgifter, uppgifter om lagöverträdelser eller socialtjänst',
    source: SOURCES.natureOfData,
    apply(reading) {
      if (reading.specialCategories.length === 0 || !dataCanHurt(reading)) return undefined;
      return {
        effect: atLeast('risk'),
        detail: `Readable ${reading.specialCategories.join(', ')} data may have been seen or altered; for such data, damage should be considered likely (at least "risk").`,
      };
    },
  },
  {
    id: 'edpb.care-relationship',
    label: 'Being a patient or client is itself revealing',
    labelSv: 'Att vara patient eller klient avslöjar i sig känsliga uppgifter',
    source: `${SOURCES.specialController}; ${SOURCES.natureOfData}`,
    apply(reading) {
      // With special-category data present, that qualifier already says the same thing.
      if (!reading.careRelationshipReveals || reading.specialCategories.length > 0 || !dataCanHurt(reading)) return undefined;
      return {
        effect: atLeast('risk'),
        detail: `The records show that the people include ${reading.careRecipients.join(', ')} of a ${reading.facts.controller.sector} controller, which reveals something about their health or circumstances (at least "risk").`,
      };
    },
  },
  {
    id: 'edpb.vulnerable-subjects',
    label: 'Vulnerable people affected',
    labelSv: 'Sårbara personer berörs',
    source: SOURCES.specialIndividuals,
    apply(reading) {
      if (reading.vulnerableSubjects.length === 0 || !dataCanHurt(reading)) return undefined;
      return {
        effect: atLeast('risk'),
        detail: `The people include ${reading.vulnerableSubjects.join(', ')}, who are less able to protect themselves from the consequences (at least "risk").`,
      };
    },
  },
  {
    id: 'edpb.care-impact',
    label: "Effect on patients' care",
    labelSv: 'Påverkan på patienternas vård',
    source: SOURCES.availabilityInHealthcare,
    apply(reading) {
      const impact = reading.facts.careImpact;
      const floor = impact && CARE_IMPACT_FLOOR[impact];
      if (!impact || !floor) return undefined;
      return {
        effect: atLeast(floor),
        detail: `The breach affected patients' care (${impact}), which is a risk to their health (at least "${floor}").`,
      };
    },
  },
];

export function applyEdpbQualifiers(reading: FactsReading, severity: Severity): QualifierFinding[] {
  const findings: QualifierFinding[] = [];
  for (const qualifier of EDPB_QUALIFIERS) {
    const applied = qualifier.apply(reading, severity);
    if (!applied) continue;
    const { effect, detail } = applied;
    const lowers = effect.kind === 'at-most' || (effect.kind === 'step' && effect.direction === 'down');
    findings.push({
      effect,
      finding: {
        id: qualifier.id,
        label: qualifier.label,
        labelSv: qualifier.labelSv,
        effect: lowers ? 'lowers' : 'raises',
        detail,
        source: qualifier.source,
      },
    });
  }
  return findings;
}
