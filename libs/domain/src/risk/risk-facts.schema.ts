// The input contract of the risk model, kept as a module because this ESM/Jest setup avoids JSON
// imports. The API serves it as JSON at GET /api/risk/facts-schema for other systems.
export const riskFactsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'breachflow/risk-facts.schema.json',
  title: 'RiskFacts',
  description: 'The facts of a personal data breach that the risk model (GDPR Art. 32-34) reads. An incident\'s facts contain these keys; the stateless assessment endpoint and the assess command take exactly this object.',
  type: 'object',
  additionalProperties: false,
  required: ['breach', 'data', 'subjects', 'controller'],
  properties: {
    breach: {
      type: 'object',
      additionalProperties: false,
      required: ['malicious'],
      properties: {
        confidentiality: {
          description: 'Present when data was or may have been disclosed or accessed without authorisation.',
          type: 'object',
          additionalProperties: false,
          required: ['exposure'],
          properties: {
            exposure: {
              enum: [
                'no-evidence-of-access',
                'known-recipients',
                'unknown-recipients',
                'public',
              ],
              description: 'no-evidence-of-access: exposed but nothing shows anyone read it; known-recipients: a known, countable set of recipients; unknown-recipients: an unknown number or unknown parties (e.g. attacker exfiltration); public: openly available (e.g. on the internet).',
            },
            recipientsTrusted: {
              type: 'boolean',
              description: 'The recipients are known, bound by confidentiality or professional secrecy, and cooperative.',
            },
            dataRetrievedOrDeleted: {
              type: 'boolean',
              description: 'The data was returned, remotely wiped, or its deletion by every recipient was confirmed.',
            },
          },
        },
        integrity: {
          description: 'Present when data was altered.',
          type: 'object',
          additionalProperties: false,
          required: ['recoverable', 'possiblyMisused'],
          properties: {
            recoverable: {
              type: 'boolean',
            },
            possiblyMisused: {
              type: 'boolean',
            },
          },
        },
        availability: {
          description: 'Present when data was lost or could not be accessed.',
          type: 'object',
          additionalProperties: false,
          required: ['permanentLoss', 'backupRestorable'],
          properties: {
            permanentLoss: {
              type: 'boolean',
              description: 'Some data can never be restored.',
            },
            backupRestorable: {
              type: 'boolean',
              description: 'A usable, recent backup existed and was restored.',
            },
            hoursUnavailable: {
              type: 'number',
              minimum: 0,
              description: 'How long the data was (or is expected to be) unavailable.',
            },
          },
        },
        malicious: {
          type: 'boolean',
          description: 'An intentional act: attack, theft, insider misuse, fraud.',
        },
        exfiltrationRuledOut: {
          type: 'boolean',
          description: 'Evidence (e.g. logs) shows no data left the organisation. Only meaningful for attacks.',
        },
      },
    },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['categories', 'identifiability', 'protection'],
      properties: {
        categories: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: {
            enum: [
              'identity',
              'contact',
              'national-id',
              'credentials',
              'financial',
              'payment-card',
              'location',
              'communications',
              'behavioural',
              'professional',
              'purchase-history',
              'health',
              'genetic',
              'biometric',
              'sex-life',
              'beliefs-or-politics',
              'union-membership',
              'ethnic-origin',
              'criminal',
              'social-welfare',
            ],
          },
        },
        volumePerSubject: {
          enum: ['single-item', 'limited', 'extensive'],
          description: 'How much is known about each person: one item (e.g. an e-mail address), a limited record, or an extensive record (e.g. a full case file or years of history).',
        },
        identifiability: {
          enum: ['negligible', 'limited', 'significant', 'maximum'],
          description: 'ENISA ease of identification: how easily the data can be linked to specific persons.',
        },
        protection: {
          enum: [
            'none',
            'pseudonymised',
            'hashed-strong',
            'encrypted-key-safe',
            'encrypted-key-compromised',
          ],
          description: 'The protection of the affected data at the time of the breach.',
        },
        alreadyPublic: {
          type: 'boolean',
          description: 'The same data was already lawfully public.',
        },
        revealsLessThanCategory: {
          type: 'boolean',
          description: 'The data reveals much less than its category suggests (ENISA decreasing factor), e.g. a meal preference that hints at a minor condition, or \'had a routine blood test\'.',
        },
      },
    },
    subjects: {
      type: 'object',
      additionalProperties: false,
      required: ['approxCount', 'categories'],
      properties: {
        approxCount: {
          type: 'integer',
          minimum: 1,
        },
        categories: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: {
            enum: [
              'patients',
              'psychiatric-patients',
              'children',
              'vulnerable-adults',
              'employees',
              'customers',
              'job-seekers',
              'students',
              'citizens',
              'business-contacts',
            ],
          },
        },
      },
    },
    controller: {
      type: 'object',
      additionalProperties: false,
      required: ['sector'],
      properties: {
        sector: {
          enum: [
            'healthcare',
            'social-care',
            'public-administration',
            'finance',
            'insurance',
            'telecom',
            'education',
            'retail',
            'transport',
            'employment',
            'other',
          ],
        },
      },
    },
    careImpact: {
      enum: [
        'none',
        'minor',
        'delayed-or-postponed-care',
        'harm-occurred',
        'serious-harm-possible',
        'serious-harm-occurred',
      ],
      description: 'Effect on patients\' care or health (healthcare only). Feeds the Lex Maria screening and the GDPR risk.',
    },
  },
} as const;
