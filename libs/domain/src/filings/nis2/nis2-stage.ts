import type { FilingKind } from '../filing-kinds.js';

/** NIS2's staged reports to the CSIRT (Cybersäkerhetslagen 2 kap. 5–8 §§). */
export const NIS2_STAGES = ['early-warning', 'notification', 'intermediate', 'progress', 'final'] as const;
export type Nis2Stage = (typeof NIS2_STAGES)[number];

/** A NIS2 report's stage; the catalogue keeps other kinds off the NIS2 track. */
export function nis2Stage(kind: FilingKind): Nis2Stage {
  if ((NIS2_STAGES as readonly string[]).includes(kind)) return kind as Nis2Stage;
  throw new RangeError(`a NIS2 report is not a ${kind}`);
}
