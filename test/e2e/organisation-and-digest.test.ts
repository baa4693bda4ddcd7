/**
 * The organisation's settings feed filings and clocks; each morning a Temporal Schedule sends
 * the approvers and the DPO a digest of open clocks, soonest deadline first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { dailyDigestScheduleId, ensureDigestSchedule } from '../../apps/worker/src/digest-schedule.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { riskFacts } from '../support/risk-facts-examples.js';
import { eventually } from '../support/eventually.js';
import { SystemUnderTest } from '../support/system-under-test.js';

const HOUR = 3_600_000;
let system: SystemUnderTest;
let org: SeededOrganisation;
let dpo: string;
let responder: string;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation('Region Digest');
  dpo = await system.login(org, 'dpo');
  responder = await system.login(org, 'responder');
}, 60_000);

afterAll(async () => {
  await system?.stop();
});


async function incidentAwareHoursAgo(hours: number, title: string) {
  const awareAt = Date.now() - hours * HOUR;
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody({
    title,
    occurredAt: new Date(awareAt - 10 * HOUR).toISOString(),
    discoveredAt: new Date(awareAt - HOUR).toISOString(),
    awareAt: new Date(awareAt).toISOString(),
  });
  const created = await system.request('POST', '/api/incidents', { token: responder, body: { ...narrative, ...riskFacts } });
  expect(created.status).toBe(201);
  return eventually(async () => {
    const incident = (await system.request('GET', `/api/incidents/${created.body.id}`, { token: responder })).body;
    return incident.tracks.some((t: { kind: string; live: boolean }) => t.kind === 'gdpr-art33' && t.live) ? incident : undefined;
  });
}

describe('organisation settings', () => {
  it('are changed by an admin or the DPO only, validated field by field', async () => {
    expect((await system.request('PATCH', '/api/organisation', { token: responder, body: { legalName: 'X' } })).status).toBe(403);
    const bad = await system.request('PATCH', '/api/organisation', { token: dpo, body: { orgNumber: '12345', reminderFractions: [0, 2], timeZone: 'Mars/Olympus' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['orgNumber', 'reminderFractions[0]', 'reminderFractions[1]']));
    const zone = await system.request('PATCH', '/api/organisation', { token: dpo, body: { timeZone: 'Mars/Olympus' } });
    expect(zone.body.errors[0].field).toBe('timeZone');
    const saved = await system.request('PATCH', '/api/organisation', {
      token: dpo,
      body: { legalName: 'Region Digest', orgNumber: '232100-0001', contactName: 'Dataskyddsombud', contactEmail: 'dso@digest.example', reminderFractions: [0.25, 0.5, 1] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ orgNumber: '232100-0001', reminderFractions: [0.25, 0.5, 1] });
  });

  it('give new incidents their reminder offsets', async () => {
    const incident = await incidentAwareHoursAgo(1, 'Reminder offsets');
    const track = incident.tracks.find((t: { kind: string }) => t.kind === 'gdpr-art33');
    expect(track.nextReminder.key).toBe('p25');
  });
});

describe('the daily digest', () => {
  it('is scheduled once however many workers start, and lists open clocks soonest first to each approver and the DPO', async () => {
    expect(await ensureDigestSchedule(system.config)).toBe('created');
    expect(await ensureDigestSchedule(system.config)).toBe('exists');
    const later = await incidentAwareHoursAgo(2, 'Later deadline');
    const sooner = await incidentAwareHoursAgo(40, 'Sooner deadline');

    const client = system.app.get(Client);
    const schedule = client.schedule.getHandle(dailyDigestScheduleId(system.config.TEMPORAL_TASK_QUEUE));
    expect((await schedule.describe()).spec.calendars?.[0]).toMatchObject({ hour: [{ start: 7, end: 7, step: 1 }] });
    await schedule.trigger();

    for (const role of ['approver', 'dpo'] as const) {
      const digest = await system.mail.waitFor((m) => m.envelopeTo.includes(org.users[role].email) && m.text.includes(sooner.reference), 30_000);
      expect(digest.envelopeTo).toEqual([org.users[role].email]);
      expect(digest.text.indexOf(sooner.reference)).toBeLessThan(digest.text.indexOf(later.reference));
    }
    expect(system.mail.messages.some((m) => m.envelopeTo.includes(org.users.responder.email) && m.subject.toLowerCase().includes('digest'))).toBe(false);
    await schedule.delete();
  }, 90_000);
});
