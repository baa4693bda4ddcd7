import type { EmailOutcome } from '../../../persistence/src/repositories/notification.repository.js';
import { mailFailureOf } from '../../../platform/src/mail/mail-failure.js';

/**
 * Some sends failed temporarily (4xx, no connection, a timeout) after everyone else had their
 * turn: the activity attempt fails so Temporal retries it, and the retry sends only to those
 * whose e-mail is not yet settled (the others are recorded under their keys). The message holds
 * counts and codes, never an address.
 */
export class TemporaryMailFailure extends Error {
  override readonly name = 'TemporaryMailFailure';

  constructor(failed: number, total: number, codes: readonly string[]) {
    super(`${failed} of ${total} e-mails failed temporarily (${[...new Set(codes)].join(', ')}); they are retried`);
  }
}

export interface EachOutcome<Person> {
  /** Sent now or before (a retry). */
  sent: number;
  /** Refused for good, now or before: recorded, and not tried again. */
  refused: Person[];
}

/**
 * Sends to each person in turn so that no one waits behind anyone else: a refused address is
 * skipped (the send records it), and a temporary failure lets the rest go first and then fails
 * the attempt with TemporaryMailFailure.
 */
export async function sendToEach<Person>(people: readonly Person[], send: (person: Person) => Promise<EmailOutcome>): Promise<EachOutcome<Person>> {
  const outcome: EachOutcome<Person> = { sent: 0, refused: [] };
  const temporary: string[] = [];
  for (const person of people) {
    try {
      const settled = await send(person);
      if (settled.outcome === 'sent') outcome.sent += 1;
      else outcome.refused.push(person);
    } catch (error) {
      temporary.push(mailFailureOf(error)?.code ?? (error instanceof Error ? error.name : 'Error'));
    }
  }
  if (temporary.length > 0) throw new TemporaryMailFailure(temporary.length, people.length, temporary);
  return outcome;
}
