import type { FilingItem, FilingSection } from './filing-input.js';
import type { FilingContext } from './filing-context.js';
import { informationToFollowItem, makeSection, secrecyItem } from './filing-items.js';
import { isMissing } from './missing-items.js';

/**
 * The closing "other information" section: what will follow (Art. 33(4)), anything the track adds,
 * and what the organisation asks to be kept confidential (the form's last free-text field).
 * Art. 33(4) lets the Art. 33(3) information follow in phases, so what will follow is every
 * Art. 33(3) answer still missing in the sections before (for a supplement: in the whole report),
 * and an occurrence time not yet known. Other gaps (reasons for a delay, the recipient, the
 * organisation's own details) are owed now and are not information to follow.
 */
export function otherSection(context: FilingContext, before: readonly FilingSection[], trackItems: FilingItem[] = []): FilingSection {
  const items = [...new Map(before.flatMap((section) => section.items).map((item) => [item.id, item])).values()];
  const pending = items.filter((item) => isMissing(item) && item.art33Item !== undefined).map((item) => item.label);
  if (context.facts.occurredAt === undefined) {
    const occurred = items.find((item) => item.id === 'timeline.occurredAt');
    if (occurred) pending.unshift(occurred.label);
  }
  return makeSection(context, 'other', [informationToFollowItem(context, pending), ...trackItems, secrecyItem(context)]);
}
