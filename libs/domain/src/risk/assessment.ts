/** What the GDPR requires after a breach: document only, notify the authority, or also tell the people. */
export type RiskOutcome = 'no-risk' | 'risk' | 'high-risk';

/** Ordered from least to most protective; the model moves along this scale. */
export const RISK_OUTCOMES: readonly RiskOutcome[] = ['no-risk', 'risk', 'high-risk'];

export type SeverityBand = 'low' | 'medium' | 'high' | 'very-high';

/** ENISA severity: score = dpc × ei + cb. */
export interface Severity {
  /** Data processing context, 1-4. */
  dpc: number;
  /** Ease of identification, 0.25-1. */
  ei: number;
  /** Circumstances of the breach, added. */
  cb: number;
  score: number;
  band: SeverityBand;
}

/** One named reason the assessment moved, with what in the facts triggered it and where the rule comes from. */
export interface Factor {
  id: string;
  label: string;
  effect: 'raises' | 'lowers';
  detail: string;
  source: string;
}

/** Grounds in Art. 34(3) on which communicating a high-risk breach to the people may be unnecessary. */
export type Art34Exception = '34(3)(a)' | '34(3)(b)' | '34(3)(c)';

export interface Assessment {
  outcome: RiskOutcome;
  notifyAuthority: boolean;
  notifyDataSubjects: boolean;
  severity: Severity;
  factors: Factor[];
  /** Exceptions the facts appear to support; only a person may decide to rely on one. */
  art34Exceptions: Art34Exception[];
  rationale: { sv: string; en: string };
  modelVersion: string;
  /** sha256 (hex) of the canonical facts the assessment was made from. */
  inputHash: string;
}
