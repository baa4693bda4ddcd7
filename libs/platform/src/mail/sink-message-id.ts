export const SINK_MESSAGE_EXTENSION = '.eml';

// Exactly the names the sink writes: `20261124T081000123Z-000001-0a1b2c3d4e5f.eml`.
const SINK_MESSAGE_ID = /^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{12}\.eml$/;

/**
 * Whether `id` is the name of a stored sink message. Ids arrive from a URL; accepting only the
 * sink's own pattern rules out path separators, `..` and every other way out of the store.
 */
export function isSinkMessageId(id: unknown): id is string {
  return typeof id === 'string' && SINK_MESSAGE_ID.test(id);
}

/** When the sink received the message, read back from its id (ISO-8601, UTC). */
export function sinkMessageReceivedAt(id: string): string {
  const [, date, time] = /^(\d{8})T(\d{9})Z/.exec(id) ?? [];
  if (!date || !time) throw new RangeError('not a sink message id');
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${time.slice(6, 9)}Z`;
}
