/**
 * Why the system refuses a request, in one vocabulary shared by the domain rules, the use-cases
 * and the workflows. Each kind maps to one HTTP status at the API's edge (and nowhere else):
 * - `forbidden` — the actor's role may not do this (403);
 * - `not-found` — no such thing in the caller's organisation (404);
 * - `conflict` — the thing is in a state that does not allow it (409);
 * - `stale` — the caller acted on a version that has since changed (409);
 * - `unprocessable` — the request is well-formed but information the rule needs is missing or wrong (422);
 * - `unavailable` — a service the step needs (Temporal) does not answer; the same request may be retried (503).
 */
export const REFUSAL_KINDS = ['forbidden', 'not-found', 'conflict', 'stale', 'unprocessable', 'unavailable'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export interface Refusal {
  kind: RefusalKind;
  /** Said to a person: what was refused and what to do instead. */
  message: string;
  /** The request field the refusal is about, when there is one. */
  field?: string;
}

/** A refusal thrown by a use-case; the API's exception filter turns it into its HTTP status. */
export class RefusalError extends Error {
  readonly refusal: Refusal;
  /** Machine-readable particulars for the caller (e.g. the gaps of a register entry). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(refusal: Refusal, details: Readonly<Record<string, unknown>> = {}) {
    super(refusal.message);
    this.name = 'RefusalError';
    this.refusal = refusal;
    this.details = details;
  }
}

export const refuse = (kind: RefusalKind, message: string, field?: string): Refusal => ({ kind, message, ...(field !== undefined && { field }) });

/** Throws the refusal as a `RefusalError`. */
export function raise(kind: RefusalKind, message: string, field?: string): never {
  throw new RefusalError(refuse(kind, message, field));
}

/** Temporal carries a workflow's refusal as an ApplicationFailure whose type names the kind. */
export const REFUSAL_FAILURE_PREFIX = 'breachflow.refusal.';

export const refusalFailureType = (kind: RefusalKind): string => `${REFUSAL_FAILURE_PREFIX}${kind}`;

export function refusalKindOfFailureType(type: string | undefined | null): RefusalKind | undefined {
  if (!type?.startsWith(REFUSAL_FAILURE_PREFIX)) return undefined;
  const kind = type.slice(REFUSAL_FAILURE_PREFIX.length);
  return (REFUSAL_KINDS as readonly string[]).includes(kind) ? (kind as RefusalKind) : undefined;
}

/** Input that fails its schema or its rules, field by field (400 at the API). */
export class InvalidInputError extends Error {
  constructor(readonly errors: ReadonlyArray<{ field: string; message: string }>) {
    super(`Invalid input: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}`);
    this.name = 'InvalidInputError';
  }
}
