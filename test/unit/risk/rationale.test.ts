import { describe, expect, it } from '@jest/globals';
import { filingLabels } from '../../../libs/domain/src/filings/filing-labels.js';
import { ART34_EXCEPTION_TEXT } from '../../../libs/domain/src/risk/art34-exceptions.js';
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

  it('says the authority is to be notified without undue delay, 72 hours being the outer limit', () => {
    const { rationale } = assessRisk(leakedJournal);
    expect(rationale.sv).toContain('utan onödigt dröjsmål och senast inom 72 timmar från att ni fick vetskap om den');
    expect(rationale.en).toContain('without undue delay and at the latest within 72 hours of becoming aware of it');
  });

  it('words the Art. 34(3) grounds exactly as the filings do, in the regulation\'s own terms', () => {
    const { rationale } = assessRisk(
      breachFacts({ data: { categories: ['identity', 'health'] }, subjects: { approxCount: 200_000, categories: ['patients'] }, breach: { confidentiality: { exposure: 'public' } } }),
    );
    expect(rationale.sv).toContain(ART34_EXCEPTION_TEXT['34(3)(c)'].sv);
    expect(rationale.sv).toContain('oproportionell ansträngning');
    expect(rationale.sv).toContain('allmänheten');
    expect(rationale.en).toContain(ART34_EXCEPTION_TEXT['34(3)(c)'].en);
    expect(filingLabels('sv').art34Exceptions['34(3)(c)']).toBe(ART34_EXCEPTION_TEXT['34(3)(c)'].sv);
    expect(ART34_EXCEPTION_TEXT['34(3)(a)'].sv).toContain('oläsbara för alla som inte är behöriga');
    expect(ART34_EXCEPTION_TEXT['34(3)(b)'].sv).toContain('ytterligare åtgärder');
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
