import type { Assessment } from '../api/response-bodies.js';
import { useI18n } from '../i18n/i18n.js';

/** The risk outcome as a word on a coloured badge (the word carries the meaning, not the colour). */
export function OutcomeBadge({ outcome }: { outcome: Assessment['outcome'] }) {
  const { t } = useI18n();
  return <span className={`badge badge--${outcome}`}>{t.outcome[outcome]}</span>;
}
