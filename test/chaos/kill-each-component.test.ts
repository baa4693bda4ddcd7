/**
 * Nothing is lost when anything dies. A whole deployment runs as separate processes; for each of
 * the worker, the API, the Temporal server and PostgreSQL, a round sets work in motion — incidents
 * being created, reminders falling due, filings being approved and recorded, a notice half way
 * through its recipients — SIGKILLs that component in the middle of it, starts it again, and
 * counts: no incident lost or doubled, no clock missing, no reminder missed or sent twice, no
 * filing recorded twice, every person told once. `docs/reliability.md` keeps the table it prints.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chaosRound, OUTAGE_MS, type RoundFigures } from './support/chaos-round.js';
import { ChaosStack, COMPONENTS } from './support/chaos-stack.js';

let stack: ChaosStack;
const figures: RoundFigures[] = [];

beforeAll(async () => {
  stack = await ChaosStack.start();
}, 120_000);

afterAll(async () => {
  if (figures.length > 0) console.info(`${table(figures)}\n\nUnplanned exits, restarted as a process manager would: API ${stack.crashes.api}, worker ${stack.crashes.worker}.`);
  await stack?.stop();
}, 60_000);

function table(rows: RoundFigures[]): string {
  const header = '| killed (SIGKILL, down ' + OUTAGE_MS / 1000 + ' s) | incidents lost / doubled (of asked) | clocks missing | reminders missed / sent twice (of due) [same message again] | filings approved twice / recorded twice (of recorded) | people not told / told twice (of) [same message again] | done at the kill: incidents, filings, people, reminders | answers 500 | recovered in |';
  const lines = rows.map(
    (row) =>
      `| ${row.killed} | ${row.incidentsLost} / ${row.incidentsDuplicated} (${row.incidentsAsked}) | ${row.clocksMissing} | ${row.remindersMissed} / ${row.remindersSentTwice} (${row.remindersDue}) [${row.reminderRepeatsSameMessage}] | ${row.filingsApprovedTwice} / ${row.filingsRecordedTwice} (${row.filingsRecorded}) | ${row.noticePeopleMissed} / ${row.noticePeopleSentTwice} (${row.noticePeople}) [${row.noticeRepeatsSameMessage}] | ${row.atKill.incidentsAnswered}, ${row.atKill.filingsRecorded}, ${row.atKill.peopleTold}, ${row.atKill.remindersSent} | ${row.internalErrors} | ${(row.recoveryMs / 1000).toFixed(1)} s |`,
  );
  return [header, `|${'---|'.repeat(9)}`, ...lines].join('\n');
}

describe('a component killed in the middle of the work', () => {
  it.each(COMPONENTS)('SIGKILL of the %s: nothing lost, nothing done twice', async (component) => {
    const round = await chaosRound(stack, component);
    figures.push(round);
    expect(round).toMatchObject({
      incidentsLost: 0,
      incidentsDuplicated: 0,
      clocksMissing: 0,
      remindersMissed: 0,
      remindersSentTwice: 0,
      filingsApprovedTwice: 0,
      filingsRecordedTwice: 0,
      noticePeopleMissed: 0,
      noticePeopleSentTwice: 0,
      internalErrors: 0,
    });
    expect(round.filingsRecorded).toBe(3);
  }, 420_000);
});
