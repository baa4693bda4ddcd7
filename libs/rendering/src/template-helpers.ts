import type { HelperDelegate } from 'handlebars';

/**
 * The helpers every template may use. Kept few on purpose: logic belongs in the view model, and a
 * template that calls anything else fails when the catalog loads, not when an e-mail is due.
 */
export const TEMPLATE_HELPERS: Readonly<Record<string, HelperDelegate>> = {
  /** `{{#if (eq status "overdue")}}`: strict equality of two values. */
  eq: (left: unknown, right: unknown): boolean => left === right,
};

/** Handlebars' own helpers, always available. */
export const BUILT_IN_HELPERS: ReadonlySet<string> = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'blockHelperMissing',
  'helperMissing',
]);
