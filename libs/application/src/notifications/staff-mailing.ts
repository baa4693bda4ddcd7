import { Inject, Injectable } from '@nestjs/common';
import type { User } from '../../../persistence/src/entities/user.entity.js';
import { PersonalDelivery, type Delivery } from './personal-delivery.js';
import { RefusedAddressAlert } from './refused-address-alert.js';
import { sendToEach, type EachOutcome } from './send-to-each.js';

/**
 * Reminders, escalations and digests to the organisation's people: one message each (see
 * PersonalDelivery), nobody waiting behind a bad address, and each refused address reported to
 * the DPO and admins (see RefusedAddressAlert).
 */
@Injectable()
export class StaffMailing {
  constructor(
    @Inject(PersonalDelivery) private readonly delivery: PersonalDelivery,
    @Inject(RefusedAddressAlert) private readonly alert: RefusedAddressAlert,
  ) {}

  /** `attempt`: which attempt of the sending activity this is (1 the first time). */
  deliverToEach(users: readonly User[], deliveryTo: (user: User) => Delivery, attempt: number): Promise<EachOutcome<User>> {
    return sendToEach(users, async (user) => {
      const delivery = deliveryTo(user);
      const outcome = await this.delivery.deliver(user, delivery, attempt);
      // Raised on every attempt that finds the refusal: the alert is idempotent per day, and a retry after a failed alert must still raise it.
      if (outcome.outcome === 'refused') await this.alert.raise(user, { organisationId: delivery.organisationId, failure: outcome.failure, at: delivery.at }, attempt);
      return outcome;
    });
  }
}
