import { Inject, Injectable } from '@nestjs/common';
import type { DailyDigestInput } from '../../../../workflows/activity-contracts.js';
import { SendOrganisationDigest } from './organisation-digest.js';

class OrganisationDigestsFailed extends Error {
  override readonly name = 'OrganisationDigestsFailed';
}

/**
 * Every organisation's digest in one activity: what digest runs started before the
 * `digest-per-organisation` patch still call, so it stays until no such run can be in flight.
 * Even here one organisation's failure no longer stops the others: each is tried, the failures
 * fail the attempt at the end, and the retry skips everyone already sent to.
 */
@Injectable()
export class SendDailyDigests {
  constructor(@Inject(SendOrganisationDigest) private readonly organisationDigest: SendOrganisationDigest) {}

  /** Returns how many digests were delivered; idempotent per day and recipient. */
  async execute(input: DailyDigestInput, attempt = 1): Promise<number> {
    let sent = 0;
    const failed: string[] = [];
    for (const organisationId of await this.organisationDigest.organisations()) {
      try {
        sent += (await this.organisationDigest.execute({ ...input, organisationId }, attempt)).sent;
      } catch (error) {
        // One whose digest cannot succeed would otherwise keep this activity retrying for ever (it has no attempt limit).
        if ((error as { permanent?: unknown }).permanent !== true) failed.push(organisationId);
      }
    }
    if (failed.length > 0) throw new OrganisationDigestsFailed(`the digests of organisations ${failed.join(', ')} failed; they are retried`);
    return sent;
  }
}
