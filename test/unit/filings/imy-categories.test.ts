/**
 * IMY sorts notifications into incident types and cause groups in its statistics. Our causes and
 * the confidentiality/integrity/availability facts map onto them through one table per form
 * version, so that a changed IMY list is a new table, never an edit of what earlier filings used.
 */
import { describe, expect, it } from '@jest/globals';
import { imyCategories, IMY_CATEGORY_RULES_2025_02 } from '../../../libs/domain/src/filings/imy-categories-2025-02.js';
import { INCIDENT_CAUSES, type IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import type { BreachFacts } from '../../../libs/domain/src/risk/risk-facts.js';

const facts = (cause: IncidentFacts['cause'], breach?: BreachFacts): IncidentFacts => ({
  title: 't',
  summary: 's',
  discoveredAt: '2026-11-23T07:40:00Z',
  awareAt: '2026-11-23T13:15:00Z',
  ourRole: 'controller',
  ...(cause && { cause }),
  ...(breach && { breach }),
});

describe("IMY's statistics categories (form imy-2025-02)", () => {
  it('an attack from outside is unauthorised access by an antagonistic attack', () => {
    expect(imyCategories(facts('external-attack', { malicious: true }))).toEqual({ incidentType: 'unauthorised-access', causeGroup: 'antagonistic-attack' });
  });

  it('a misdirected letter, e-mail or text message is a felskick, caused by the human factor', () => {
    expect(imyCategories(facts('misdirected-communication', { malicious: false }))).toEqual({ incidentType: 'misdirected', causeGroup: 'human-factor' });
  });

  it('a stolen device is an antagonistic act; a lost one the human factor; an unknown one is left open', () => {
    expect(imyCategories(facts('lost-or-stolen-device', { malicious: true }))?.causeGroup).toBe('antagonistic-attack');
    expect(imyCategories(facts('lost-or-stolen-device', { malicious: false }))?.causeGroup).toBe('human-factor');
    expect(imyCategories(facts('lost-or-stolen-device'))).toEqual({ incidentType: 'lost-or-stolen', causeGroup: null });
  });

  it('an insider snooping on purpose is unauthorised access; an insider mistake is mishandling', () => {
    expect(imyCategories(facts('insider', { malicious: true }))?.incidentType).toBe('unauthorised-access');
    expect(imyCategories(facts('insider', { malicious: false }))).toEqual({ incidentType: 'other-mishandling', causeGroup: 'human-factor' });
  });

  it('data lost for good by mistake is deletion or destruction', () => {
    const lost: BreachFacts = { availability: { permanentLoss: true, backupRestorable: false }, malicious: false };
    expect(imyCategories(facts('misconfiguration', lost))?.incidentType).toBe('deleted-or-destroyed');
    expect(imyCategories(facts('third-party', lost))).toEqual({ incidentType: 'deleted-or-destroyed', causeGroup: 'technical-or-other' });
  });

  it('without a recorded cause, the breach facts still give the type but not the cause group', () => {
    expect(imyCategories(facts(undefined, { confidentiality: { exposure: 'public' }, malicious: false }))).toEqual({
      incidentType: 'other-mishandling',
      causeGroup: null,
    });
    expect(imyCategories(facts(undefined, { malicious: true }))?.causeGroup).toBe('antagonistic-attack');
  });

  it('with neither a cause nor breach facts there is nothing to file under yet', () => {
    expect(imyCategories(facts(undefined))).toBeNull();
  });

  it('has a row for every cause, whatever the breach facts', () => {
    for (const cause of INCIDENT_CAUSES) {
      for (const malicious of [true, false]) {
        expect(imyCategories(facts(cause, { malicious }))).not.toBeNull();
      }
      expect(IMY_CATEGORY_RULES_2025_02.some((rule) => rule.cause === cause)).toBe(true);
    }
  });
});
