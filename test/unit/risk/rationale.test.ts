import { describe, expect, it } from '@jest/globals';
import { assessRisk } from '../../../libs/domain/src/risk/index.js';
import { breachFacts } from './facts-builder.js';

describe('the plain-language rationale for the register and the filing', () => {
  const leakedJournal = breachFacts({
    breach: { confidentiality: { exposure: 'public' } },
    data: { categories: ['identity', 'health'] },
    subjects: { approxCount: 2_000, categories: ['patients'] },
    controller: { sector: 'healthcare' },
  });

  it('says in English and Swedish what must be done for a high risk', () => {
    const { rationale } = assessRisk(leakedJournal);
    expect(rationale.en).toMatch(/^The breach is likely to result in a high risk/);
    expect(rationale.en).toContain('inform the people affected without undue delay (Art. 34)');
    expect(rationale.sv).toMatch(/^Incidenten medför sannolikt en hög risk/);
    expect(rationale.sv).toContain('informera de registrerade utan onödigt dröjsmål (artikel 34)');
  });

  it('gives the ENISA arithmetic, with a decimal comma in Swedish', () => {
    const { rationale, severity } = assessRisk(leakedJournal);
    expect(severity).toEqual({ dpc: 4, ei: 1, cb: 0.5, score: 4.5, band: 'very-high' });
    expect(rationale.en).toContain('4.5 (very high) = data processing context 4 × ease of identification 1 + circumstances of the breach 0.5');
    expect(rationale.sv).toContain('4,5 (mycket hög) = behandlingssammanhang 4 × identifierbarhet 1 + omständigheter kring incidenten 0,5');
  });

  it('names what raised and what lowered the risk', () => {
    const trusted = assessRisk(
      breachFacts({ breach: { confidentiality: { recipientsTrusted: true, dataRetrievedOrDeleted: true } }, data: { categories: ['financial'] } }),
    );
    expect(trusted.outcome).toBe('no-risk');
    expect(trusted.rationale.en).toContain('Raising the risk: financial data');
    expect(trusted.rationale.en).toContain('Lowering it: trusted recipients returned or deleted the data');
    expect(trusted.rationale.sv).toContain('Det som sänker risken: betrodda mottagare har lämnat tillbaka eller raderat uppgifterna');
    expect(trusted.rationale.en).toMatch(/^The breach is unlikely to result in a risk/);
    expect(trusted.rationale.sv).toMatch(/^Det är osannolikt att incidenten medför en risk/);
  });

  it('states a doubt that was resolved in favour of the people', () => {
    const attack = assessRisk(breachFacts({ breach: { confidentiality: undefined, integrity: { recoverable: true, possiblyMisused: false }, malicious: true } }));
    expect(attack.rationale.en).toContain('Where the facts left doubt, the model chose the outcome that protects people: exfiltration not ruled out');
    expect(attack.rationale.sv).toContain('dataexfiltrering kan inte uteslutas');
  });

  it('lists Art. 34(3) exceptions only as candidates for a person to confirm', () => {
    const { art34Exceptions, rationale } = assessRisk(
      breachFacts({ data: { categories: ['identity', 'health'] }, subjects: { approxCount: 200_000, categories: ['patients'] }, breach: { confidentiality: { exposure: 'public' } } }),
    );
    expect(art34Exceptions).toEqual(['34(3)(c)']);
    expect(rationale.en).toContain('for a person to confirm');
    expect(rationale.sv).toContain('artikel 34.3 c');
  });
});
