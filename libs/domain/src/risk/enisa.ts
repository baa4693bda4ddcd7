import type { Severity, SeverityBand } from './assessment.js';
import type { FactsReading } from './facts-reading.js';
import { formatScore, type Finding } from './finding.js';
import type { ControllerSector, DataCategory, Identifiability } from './risk-facts.js';
import { SOURCES } from './sources.js';

// ENISA (2013): severity = DPC × EI + CB. DPC scores how much harm the kind of data can do in
// its context, EI how easily it leads to a person, CB what happened to it.

type DpcScore = 1 | 2 | 3 | 4;

const DPC_TIER_NAMES: Record<DpcScore, string> = { 1: 'simple', 2: 'behavioural', 3: 'financial', 4: 'sensitive' };
const DPC_TIER_LABELS_SV: Record<DpcScore, string> = {
  1: 'Enkla uppgifter',
  2: 'Beteendeuppgifter',
  3: 'Ekonomiska uppgifter',
  4: 'Känsliga uppgifter',
};

/** ENISA's base score per data category; credentials are scored by what they open (below). */
export const CATEGORY_DPC: Record<Exclude<DataCategory, 'credentials'>, DpcScore> = {
  identity: 1,
  contact: 1,
  professional: 1,
  'purchase-history': 1,
  'national-id': 1,
  location: 2,
  communications: 2,
  behavioural: 2,
  financial: 3,
  'payment-card': 3,
  health: 4,
  genetic: 4,
  biometric: 4,
  'sex-life': 4,
  'beliefs-or-politics': 4,
  'union-membership': 4,
  'ethnic-origin': 4,
  criminal: 4,
  'social-welfare': 4,
};

/**
 * What a stolen login most likely opens at this kind of controller: patient or client records
 * in care, money in finance and insurance, otherwise an account's history and messages.
 */
export const CREDENTIALS_DPC_BY_SECTOR: Record<ControllerSector, DpcScore> = {
  healthcare: 4,
  'social-care': 4,
  finance: 3,
  insurance: 3,
  'public-administration': 2,
  telecom: 2,
  education: 2,
  retail: 2,
  transport: 2,
  employment: 2,
  other: 2,
};

/** Categories that on their own, as a single item, give little insight (ENISA's decreasing factor). */
const LOW_VALUE_ALONE: readonly DataCategory[] = ['location', 'communications', 'behavioural', 'financial'];

export const EASE_OF_IDENTIFICATION: Record<Identifiability, number> = {
  negligible: 0.25,
  limited: 0.5,
  significant: 0.75,
  maximum: 1,
};
const EI_LEVELS = [0.25, 0.5, 0.75, 1];

export const CIRCUMSTANCE_POINTS = {
  confidentiality: { 'no-evidence-of-access': 0, 'known-recipients': 0.25, 'unknown-recipients': 0.5, public: 0.5 },
  integrity: { recoverableNotMisused: 0, recoverablePossiblyMisused: 0.25, notRecoverable: 0.5 },
  availability: { 'restored-quickly': 0, temporary: 0.25, permanent: 0.5 },
  malicious: 0.5,
} as const;

export function severityBand(score: number): SeverityBand {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very-high';
}

const clampDpc = (score: number): DpcScore => Math.min(4, Math.max(1, score)) as DpcScore;

const dpcFinding = (id: string, label: string, labelSv: string, effect: Finding['effect'], detail: string): Finding => ({
  id: `enisa.dpc.${id}`,
  label,
  labelSv,
  effect,
  detail,
  source: SOURCES.enisaDataProcessingContext,
});

const change = (from: number, to: number): string =>
  from === to ? `DPC stays ${from}, already at its limit` : `DPC ${from} → ${to}`;

export function dataProcessingContext(reading: FactsReading): { dpc: DpcScore; findings: Finding[] } {
  const { data, controller } = reading.facts;
  const findings: Finding[] = [];

  const scored = data.categories.filter((category) => category !== 'credentials');
  const categoryScore = Math.max(1, ...scored.map((category) => CATEGORY_DPC[category]));
  const credentialsScore = data.categories.includes('credentials') ? CREDENTIALS_DPC_BY_SECTOR[controller.sector] : 0;
  let dpc: DpcScore = clampDpc(Math.max(categoryScore, credentialsScore));
  const drivers = scored.filter((category) => CATEGORY_DPC[category] === dpc);

  if (credentialsScore > categoryScore) {
    findings.push(
      dpcFinding(
        'credentials',
        'Credentials scored as the data they open',
        'Inloggningsuppgifter värderas som de uppgifter de ger åtkomst till',
        'raises',
        `Credentials at a ${controller.sector} controller most likely open ${DPC_TIER_NAMES[dpc]} data: DPC ${dpc}.`,
      ),
    );
  } else if (dpc > 1) {
    findings.push(
      dpcFinding(
        `${DPC_TIER_NAMES[dpc]}-data`,
        `${capitalise(DPC_TIER_NAMES[dpc])} data`,
        DPC_TIER_LABELS_SV[dpc],
        'raises',
        `The data includes ${drivers.join(', ')}, which ENISA scores as ${DPC_TIER_NAMES[dpc]} data: DPC ${dpc}.`,
      ),
    );
  }

  let raisedByRelationship = false;
  if (reading.careRelationshipReveals && dpc < 3) {
    findings.push(
      dpcFinding(
        'care-relationship',
        'Care relationship scored as health data',
        'Vårdrelationen värderas som en hälsouppgift',
        'raises',
        `The people include ${reading.careRecipients.join(', ')} of a ${controller.sector} controller, so even names or ` +
          `addresses reveal that they receive care (ENISA: simple data allowing assumptions about health): ${change(dpc, 3)}.`,
      ),
    );
    dpc = 3;
    raisedByRelationship = true;
  }

  if (data.alreadyPublic === true && dpc > 1) {
    findings.push(
      dpcFinding(
        'already-public',
        'Data already public',
        'Uppgifterna var redan offentliga',
        'lowers',
        `The same data was already lawfully public, so its content adds little: ${change(dpc, 1)}.`,
      ),
    );
    dpc = 1;
  } else if (data.revealsLessThanCategory === true && dpc > 1) {
    const lowered = clampDpc(Math.min(dpc - 1, 2));
    findings.push(
      dpcFinding(
        'reveals-less',
        'Data reveals much less than its category',
        'Uppgifterna avslöjar mycket mindre än kategorin antyder',
        'lowers',
        `The facts say the data reveals much less than its category suggests (at most general assumptions): ${change(dpc, lowered)}.`,
      ),
    );
    dpc = lowered;
  } else if (
    data.volumePerSubject === 'single-item' &&
    (dpc === 2 || dpc === 3) &&
    !raisedByRelationship &&
    credentialsScore <= categoryScore &&
    drivers.every((category) => LOW_VALUE_ALONE.includes(category))
  ) {
    const lowered = clampDpc(dpc - 1);
    findings.push(
      dpcFinding(
        'single-low-value-item',
        'A single, low-value item per person',
        'En enstaka uppgift av litet värde per person',
        'lowers',
        `Only one item of ${drivers.join(', ')} data per person is affected, which gives little insight: ${change(dpc, lowered)}.`,
      ),
    );
    dpc = lowered;
  }

  const raise = (id: string, label: string, labelSv: string, why: string): void => {
    const raised = clampDpc(dpc + 1);
    findings.push(dpcFinding(id, label, labelSv, 'raises', `${why}: ${change(dpc, raised)}.`));
    dpc = raised;
  };
  if (reading.vulnerableSubjects.length > 0) {
    raise(
      'vulnerable-subjects',
      'Vulnerable people',
      'Sårbara personer',
      `The people include ${reading.vulnerableSubjects.join(', ')}, for whom the same data can be critical to their safety or well-being`,
    );
  }
  if (data.categories.includes('national-id')) {
    raise(
      'national-id',
      'National identity numbers',
      'Personnummer',
      'National identity numbers let others impersonate the people and commit identity fraud',
    );
  }
  if (data.volumePerSubject === 'extensive') {
    raise(
      'extensive-volume',
      'Extensive record per person',
      'Omfattande uppgifter om varje person',
      'An extensive record per person allows a detailed profile of each of them',
    );
  }

  return { dpc, findings };
}

export function easeOfIdentification(reading: FactsReading): { ei: number; findings: Finding[] } {
  const { identifiability, protection } = reading.facts.data;
  const stated = EASE_OF_IDENTIFICATION[identifiability];
  const level = EI_LEVELS.indexOf(stated);
  const finding = (id: string, label: string, labelSv: string, effect: Finding['effect'], detail: string): Finding => ({
    id: `enisa.ei.${id}`,
    label,
    labelSv,
    effect,
    detail,
    source: SOURCES.enisaEaseOfIdentification,
  });
  const lowered = (steps: number): number => EI_LEVELS[Math.max(0, level - steps)];
  const eiChange = (to: number): string =>
    to === stated ? `EI stays ${formatScore(stated)}, already negligible` : `EI ${formatScore(stated)} → ${formatScore(to)}`;

  switch (protection) {
    case 'encrypted-key-safe': {
      const ei = EI_LEVELS[0];
      const detail = `The data was encrypted and the key was not compromised, so it is unintelligible: ${eiChange(ei)}.`;
      return { ei, findings: [finding('encrypted-key-safe', 'Encrypted with a safe key', 'Krypterat med en säker nyckel', 'lowers', detail)] };
    }
    case 'hashed-strong': {
      const ei = lowered(2);
      const detail = `The data was hashed with a strong salted algorithm, so it is very hard to link to a person: ${eiChange(ei)}.`;
      return { ei, findings: [finding('hashed-strong', 'Strong salted hashing', 'Stark saltad hashning', 'lowers', detail)] };
    }
    case 'pseudonymised': {
      const ei = lowered(1);
      const detail = `The data was pseudonymised, so linking it to a person needs additional information: ${eiChange(ei)}.`;
      return { ei, findings: [finding('pseudonymised', 'Pseudonymised data', 'Pseudonymiserade uppgifter', 'lowers', detail)] };
    }
    case 'encrypted-key-compromised': {
      const detail = `The data was encrypted but the key was compromised, so the encryption earns no credit: EI stays ${formatScore(stated)}.`;
      return {
        ei: stated,
        findings: [finding('key-compromised', 'Encryption key compromised', 'Krypteringsnyckeln har röjts', 'raises', detail)],
      };
    }
    case 'none':
      return { ei: stated, findings: [] };
  }
}

export function circumstancesOfBreach(reading: FactsReading): { cb: number; findings: Finding[] } {
  const { breach } = reading.facts;
  const findings: Finding[] = [];
  const finding = (id: string, label: string, labelSv: string, detail: string): Finding => ({
    id,
    label,
    labelSv,
    effect: 'raises',
    detail,
    source: SOURCES.enisaCircumstances,
  });
  let cb = 0;

  if (reading.exposure !== 'none') {
    const points = CIRCUMSTANCE_POINTS.confidentiality[reading.exposure];
    cb += points;
    if (reading.exposurePresumed) {
      findings.push({
        ...finding(
          'doubt.exfiltration-not-ruled-out',
          'Exfiltration not ruled out',
          'Dataexfiltrering kan inte uteslutas',
          `An attack where nothing rules out that data left the organisation is treated as a disclosure to unknown recipients: CB +${formatScore(points)}.`,
        ),
        source: `${SOURCES.enisaCircumstances}; ${SOURCES.typeOfBreach}; ${SOURCES.whenInDoubt}`,
      });
    } else if (points > 0) {
      const who = {
        'known-recipients': 'a known set of recipients',
        'unknown-recipients': 'unknown recipients',
        public: 'the public',
      }[reading.exposure as 'known-recipients' | 'unknown-recipients' | 'public'];
      findings.push(
        finding(
          `enisa.cb.confidentiality-${reading.exposure}`,
          'Loss of confidentiality',
          'Förlorad konfidentialitet',
          `The data was disclosed to ${who}: CB +${formatScore(points)}.`,
        ),
      );
    }
  }

  if (breach.integrity) {
    const { recoverable, possiblyMisused } = breach.integrity;
    const points = !recoverable
      ? CIRCUMSTANCE_POINTS.integrity.notRecoverable
      : possiblyMisused
        ? CIRCUMSTANCE_POINTS.integrity.recoverablePossiblyMisused
        : CIRCUMSTANCE_POINTS.integrity.recoverableNotMisused;
    cb += points;
    if (points > 0) {
      const what = recoverable ? 'was altered and may have been misused, though it can be restored' : 'was altered and cannot be restored';
      findings.push(finding('enisa.cb.integrity', 'Loss of integrity', 'Förlorad riktighet', `The data ${what}: CB +${formatScore(points)}.`));
    }
  }

  if (breach.availability && reading.availability) {
    const points = CIRCUMSTANCE_POINTS.availability[reading.availability];
    cb += points;
    if (points > 0) {
      const hours = breach.availability.hoursUnavailable;
      const what =
        reading.availability === 'permanent'
          ? 'Some of the data can never be restored'
          : hours !== undefined
            ? `The data was unavailable for ${formatScore(hours)} hours`
            : 'The data was unavailable and neither a backup nor the duration is stated, so the loss is treated as temporary';
      findings.push(finding('enisa.cb.availability', 'Loss of availability', 'Förlorad tillgänglighet', `${what}: CB +${formatScore(points)}.`));
    }
  }

  if (breach.malicious) {
    cb += CIRCUMSTANCE_POINTS.malicious;
    findings.push(
      finding(
        'enisa.cb.malicious',
        'Malicious intent',
        'Avsiktlig handling',
        `The breach was an intentional act (attack, theft, insider misuse or fraud): CB +${formatScore(CIRCUMSTANCE_POINTS.malicious)}.`,
      ),
    );
  }

  return { cb, findings };
}

/** The ENISA severity of the breach, with every adjustment as a finding. */
export function enisaSeverity(reading: FactsReading): { severity: Severity; findings: Finding[] } {
  const context = dataProcessingContext(reading);
  const identification = easeOfIdentification(reading);
  const circumstances = circumstancesOfBreach(reading);
  const score = context.dpc * identification.ei + circumstances.cb;
  return {
    severity: { dpc: context.dpc, ei: identification.ei, cb: circumstances.cb, score, band: severityBand(score) },
    findings: [...context.findings, ...identification.findings, ...circumstances.findings],
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
