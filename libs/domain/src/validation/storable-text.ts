// NUL, and a UTF-16 surrogate without its pair: PostgreSQL stores neither in text or jsonb.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store: no NUL character, no unpaired surrogate. */
export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);
