import { describe, expect, it } from '@jest/globals';
import type { IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import { riskFactsOfIncident } from '../../../libs/domain/src/incident/risk-facts-of-incident.js';

const narrative: IncidentFacts = { title: 't', summary: 's', discoveredAt: '2026-11-24T08:00:00Z', awareAt: '2026-11-24T09:00:00Z', ourRole: 'controller' };

describe('the risk facts of an incident', () => {
  it('names the keys still missing before the model can assess', () => {
    expect(riskFactsOfIncident({ ...narrative, controller: { sector: 'healthcare' } })).toEqual({ complete: false, missing: ['breach', 'data', 'subjects'] });
  });

  it('takes exactly the RiskFacts keys, leaving the narrative out of the model’s input', () => {
    const result = riskFactsOfIncident({
      ...narrative,
      breach: { malicious: false },
      data: { categories: ['contact'], identifiability: 'maximum', protection: 'none' },
      subjects: { approxCount: 1, categories: ['patients'] },
      controller: { sector: 'healthcare' },
      careImpact: 'none',
    });
    expect(result.complete && Object.keys(result.facts).sort()).toEqual(['breach', 'careImpact', 'controller', 'data', 'subjects']);
  });
});
