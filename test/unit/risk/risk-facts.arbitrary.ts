import fc from 'fast-check';
import {
  CARE_IMPACTS,
  CONFIDENTIALITY_EXPOSURES,
  CONTROLLER_SECTORS,
  DATA_CATEGORIES,
  IDENTIFIABILITY_LEVELS,
  PROTECTIONS,
  SUBJECT_CATEGORIES,
  VOLUMES_PER_SUBJECT,
  type RiskFacts,
} from '../../../libs/domain/src/risk/index.js';

// Generates facts that satisfy risk-facts.schema.json: optional keys are either present or
// absent (never `undefined`), lists are non-empty and without duplicates.

const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined });

/** Drops keys whose value is undefined, as a JSON document would not have them. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const nonEmptySet = <T>(values: readonly T[]): fc.Arbitrary<T[]> =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });

export const confidentialityArbitrary = fc
  .record({
    exposure: fc.constantFrom(...CONFIDENTIALITY_EXPOSURES),
    recipientsTrusted: optional(fc.boolean()),
    dataRetrievedOrDeleted: optional(fc.boolean()),
  })
  .map(present);

export const riskFactsArbitrary: fc.Arbitrary<RiskFacts> = fc
  .record({
    breach: fc
      .record({
        confidentiality: optional(confidentialityArbitrary),
        integrity: optional(fc.record({ recoverable: fc.boolean(), possiblyMisused: fc.boolean() })),
        availability: optional(
          fc
            .record({
              permanentLoss: fc.boolean(),
              backupRestorable: fc.boolean(),
              hoursUnavailable: optional(fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.double({ min: 0, max: 200, noNaN: true }))),
            })
            .map(present),
        ),
        malicious: fc.boolean(),
        exfiltrationRuledOut: optional(fc.boolean()),
      })
      .map(present),
    data: fc
      .record({
        categories: nonEmptySet(DATA_CATEGORIES),
        volumePerSubject: optional(fc.constantFrom(...VOLUMES_PER_SUBJECT)),
        identifiability: fc.constantFrom(...IDENTIFIABILITY_LEVELS),
        protection: fc.constantFrom(...PROTECTIONS),
        alreadyPublic: optional(fc.boolean()),
        revealsLessThanCategory: optional(fc.boolean()),
      })
      .map(present),
    subjects: fc.record({
      approxCount: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 2_000_000 })),
      categories: nonEmptySet(SUBJECT_CATEGORIES),
    }),
    controller: fc.record({ sector: fc.constantFrom(...CONTROLLER_SECTORS) }),
    careImpact: optional(fc.constantFrom(...CARE_IMPACTS)),
  })
  .map(present);
