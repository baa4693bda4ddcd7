import type { Factor } from './assessment.js';

/** A factor as the rules produce it: the published Factor plus its Swedish label for the rationale. */
export interface Finding extends Factor {
  labelSv: string;
}

export function toFactor({ id, label, effect, detail, source }: Finding): Factor {
  return { id, label, effect, detail, source };
}

/** Numbers in details are printed the way ENISA's tables write them (0.25, 2.5, 4). */
export const formatScore = (value: number): string => String(Math.round(value * 100) / 100);

/** Whole numbers with thousands separators (90,000), independent of the machine's locale. */
export const formatCount = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
