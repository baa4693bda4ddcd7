import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../entities/audit-event.entity.js';
import { latestAuditCheckpoint, recordAuditCheckpoint } from './audit-checkpoints.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import type { AuditSeal, AuditWitness } from './audit-seal.js';

/** What happened to the first bad event: never anything of its content, which may be personal data. */
export type AuditProblem = 'edited' | 'inserted' | 'deleted' | 'tail-truncated';

export type AuditVerification =
  | {
      ok: true;
      /** Events verified. */
      events: number;
      /** The first event carrying an HMAC seal; those before it are covered by the hash chain alone. */
      sealedFrom: string | null;
      /** The last event, for the next verification to find again (null: the trail is empty). */
      last: AuditWitness | null;
    }
  | { ok: false; events: number; seq: string; problem: AuditProblem; explanation: string };

async function* eventsInOrder(manager: EntityManager, batchSize: number): AsyncGenerator<AuditEvent> {
  let after = '0';
  for (;;) {
    const batch = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.seq > :after', { after })
      .orderBy('e.seq', 'ASC')
      .limit(batchSize)
      .getMany();
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.seq;
  }
}

const renumbered = (event: AuditEvent, seq: bigint): AuditEvent => ({ ...event, seq: seq.toString() });

/**
 * An event whose seal does not match, judged by the event after it: the next event still follows
 * this one's seal (this one's content was changed), or follows the previous event as if it stood
 * here (this one was slipped in and the rest renumbered), or follows this one's seal one number
 * further on (an event was removed here and the rest renumbered).
 */
function judgeBrokenSeal(seal: AuditSeal, suspect: AuditEvent, previousSeal: string, next: AuditEvent | null, events: number): AuditVerification {
  const seq = BigInt(suspect.seq);
  const broken = (problem: AuditProblem, explanation: string): AuditVerification => ({ ok: false, events, seq: suspect.seq, problem, explanation });
  if (next === null) return broken('edited', `the last event, ${seq}, does not match its seal: it was altered, or added by someone without the key`);
  if (seal.matches(seal.seal(suspect.mac!, next), next.mac)) return broken('edited', `event ${seq} does not match its seal: it was altered after it was written`);
  if (seal.matches(seal.seal(previousSeal, renumbered(next, seq)), next.mac)) {
    return broken('inserted', `event ${seq} was inserted: the event after it carries the seal it was written with as event ${seq}`);
  }
  if (seal.matches(seal.seal(suspect.mac!, renumbered(next, BigInt(next.seq) + 1n)), next.mac)) {
    return broken('deleted', `the event written as ${seq} was deleted and the events after it were renumbered`);
  }
  return broken('edited', `event ${seq} does not match its seal: it was altered after it was written`);
}

/**
 * Walks the whole trail in order and names the first bad event. Events written before the seal
 * existed are checked by their hash chain; from the first sealed event on, every event must carry
 * a seal that matches its content and its predecessor's seal. `witnesses` are events earlier
 * verifications found (checkpoints): each must still be there with the same seal, which catches a
 * trail whose last events were deleted.
 */
export async function verifyAuditChain(manager: EntityManager, seal: AuditSeal, witnesses: readonly AuditWitness[] = [], batchSize = 5_000): Promise<AuditVerification> {
  let events = 0;
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let prevSeal = GENESIS_HASH;
  let sealedFrom: string | null = null;
  let last: AuditWitness | null = null;
  let suspect: AuditEvent | null = null;
  const witnessed = new Set(witnesses.map((witness) => witness.seq));
  const sealsAtWitnesses = new Map<string, string>();
  const broken = (seq: bigint | string, problem: AuditProblem, explanation: string): AuditVerification => ({ ok: false, events, seq: String(seq), problem, explanation });

  for await (const event of eventsInOrder(manager, batchSize)) {
    if (suspect) return judgeBrokenSeal(seal, suspect, prevSeal, event, events);
    const seq = BigInt(event.seq);
    if (seq !== expectedSeq) return broken(expectedSeq, 'deleted', `event ${expectedSeq} is missing (the next event is ${seq})`);
    if (event.mac === null) {
      if (sealedFrom !== null) return broken(seq, 'edited', `event ${seq} carries no seal, though every event from ${sealedFrom} on is sealed`);
      if (event.prevHash !== prevHash) return broken(seq, 'deleted', `event ${seq} does not link to event ${seq - 1n}: an event between them was removed or replaced`);
      if (auditHash(event.prevHash, event) !== event.hash) return broken(seq, 'edited', `event ${seq} was altered after it was written`);
    } else {
      sealedFrom ??= event.seq;
      if (!seal.matches(seal.seal(prevSeal, event), event.mac)) {
        suspect = event;
        continue;
      }
      // The seal holds, so only the hash columns were touched: still a change nobody may make.
      if (event.prevHash !== prevHash || auditHash(event.prevHash, event) !== event.hash) return broken(seq, 'edited', `event ${seq}'s hash was altered after it was written`);
    }
    prevSeal = event.mac ?? event.hash;
    prevHash = event.hash;
    last = { seq: event.seq, mac: prevSeal };
    if (witnessed.has(event.seq)) sealsAtWitnesses.set(event.seq, prevSeal);
    expectedSeq = seq + 1n;
    events += 1;
  }
  if (suspect) return judgeBrokenSeal(seal, suspect, prevSeal, null, events);

  const problems = witnesses
    .map((witness): AuditVerification | null => {
      if (BigInt(witness.seq) >= expectedSeq) {
        return broken(expectedSeq, 'tail-truncated', `the trail ends at event ${expectedSeq - 1n}, but event ${witness.seq} was there when it was last verified: events from ${expectedSeq} on were deleted`);
      }
      const found = sealsAtWitnesses.get(witness.seq);
      return found !== undefined && seal.matches(witness.mac, found) ? null : broken(witness.seq, 'edited', `event ${witness.seq} no longer carries the seal it had when it was last verified`);
    })
    .filter((problem): problem is AuditVerification & { ok: false } => problem !== null && !problem.ok)
    .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  return problems[0] ?? { ok: true, events, sealedFrom, last };
}

/**
 * A verification as the scheduled check and `audit:verify` run it: against the latest genuine
 * checkpoint and any witnesses kept outside the database, recording a new checkpoint when the
 * trail is intact.
 */
export async function verifyAuditTrail(manager: EntityManager, seal: AuditSeal, options: { externalWitnesses?: readonly AuditWitness[]; at?: Date } = {}): Promise<AuditVerification> {
  const checkpoint = await latestAuditCheckpoint(manager, seal);
  const witnesses = [...(checkpoint ? [checkpoint] : []), ...(options.externalWitnesses ?? [])];
  const verification = await verifyAuditChain(manager, seal, witnesses);
  if (verification.ok && verification.last) await recordAuditCheckpoint(manager, seal, verification.last, options.at ?? new Date());
  return verification;
}
