/**
 * One canonical JSON text for the whole system, so equal values always hash alike: the audit
 * log's hash chain, the idempotency check on requests and the risk model's input hash use it.
 */

/**
 * JSON with every object's keys in sorted order, so equal values always give equal text.
 * As JSON.stringify would, keys holding undefined are left out, undefined array items become
 * null and dates their ISO text — so a value reads back from a jsonb column to the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
