import { riskFactsSchema } from '../risk/risk-facts.schema.js';
import { INCIDENT_CAUSES, INFORMING_DECISIONS, NIS2_ENTITY_CLASSES, NOT_INFORMING_GROUNDS, ORGANISATION_ROLES } from './incident-facts.js';

const instant = { type: 'string', format: 'date-time' } as const;
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

/** Every key an incident's facts may hold, each optional; required-ness is added per use. */
export const incidentFactsProperties = {
  title: text(200),
  summary: text(10_000),
  cause: { enum: INCIDENT_CAUSES },
  occurredAt: {
    oneOf: [
      instant,
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to'],
        properties: { from: instant, to: instant },
      },
    ],
  },
  discoveredAt: instant,
  awareAt: instant,
  awarenessNote: text(2_000),
  containedAt: instant,
  ourRole: { enum: ORGANISATION_ROLES },
  approxRecords: { type: 'integer', minimum: 0 },
  likelyConsequences: text(10_000),
  measures: text(10_000),
  affectedControllers: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: text(300) },
  informingDataSubjects: {
    type: 'object',
    additionalProperties: false,
    required: ['decision'],
    properties: {
      decision: { enum: INFORMING_DECISIONS },
      informedAt: instant,
      how: text(2_000),
      plannedAt: instant,
      ground: { enum: NOT_INFORMING_GROUNDS },
      reason: text(5_000),
    },
    // Each decision carries what IMY asks about it: when and how; when; or why not.
    allOf: [
      { if: { properties: { decision: { const: 'informed' } } }, then: { properties: { informedAt: true, how: true }, required: ['informedAt', 'how'] } },
      { if: { properties: { decision: { const: 'will-inform' } } }, then: { properties: { plannedAt: true }, required: ['plannedAt'] } },
      { if: { properties: { decision: { const: 'will-not-inform' } } }, then: { properties: { ground: true, reason: true }, required: ['ground', 'reason'] } },
    ],
  },
  careProvider: { type: 'boolean' },
  careUnit: text(300),
  patientConsequences: text(10_000),
  nis2EntityClass: { enum: NIS2_ENTITY_CLASSES },
  nis2: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      serviceImpact: text(5_000),
      crossBorderImpact: { type: 'boolean' },
      severityAndImpact: text(5_000),
      indicatorsOfCompromise: text(10_000),
      affectedSystems: text(2_000),
      rootCause: text(5_000),
      mitigation: text(5_000),
      remainingRisks: text(5_000),
      handledAt: instant,
    },
  },
  ...riskFactsSchema.properties,
} as const;

export const incidentFactsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'summary', 'discoveredAt', 'awareAt', 'ourRole'],
  properties: incidentFactsProperties,
} as const;

/** `POST /api/incidents`: the first facts version; `ourRole` defaults to controller. */
export const createIncidentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'summary', 'discoveredAt', 'awareAt'],
  properties: incidentFactsProperties,
} as const;

/**
 * `PATCH /api/incidents/:id/facts`: top-level keys of `changes` replace the current value
 * (null removes an optional key); `baseVersion` guards against overwriting a newer version.
 */
export const appendFactsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['changes'],
  properties: {
    baseVersion: { type: 'integer', minimum: 1 },
    reason: text(2_000),
    changes: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: Object.fromEntries(
        Object.entries(incidentFactsProperties).map(([key, schema]) => [key, { anyOf: [schema, { type: 'null' }] }]),
      ),
    },
  },
} as const;
