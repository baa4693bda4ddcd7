import { useI18n } from '../i18n/i18n.js';
import { formatDuration, formatInstant } from '../i18n/time.js';
import { useOrganisationTimeZone } from '../features/organisation/use-organisation.js';
import { urgencyOf, type Urgency } from './urgency.js';
import { useNow } from './use-now.js';

const SYMBOL: Record<Urgency, string> = { ok: '●', soon: '▲', urgent: '◆', overdue: '■' };

/**
 * A live countdown to a deadline. Colour says how pressing it is, and so do a word and a shape
 * (colour is never the only signal); the deadline itself is in the organisation's time zone.
 */
export function Countdown({ deadline, compact = false }: { deadline: string; compact?: boolean }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const now = useNow();
  const left = new Date(deadline).getTime() - now;
  const urgency = urgencyOf(left);
  const time = formatDuration(left, t.duration);
  return (
    <span className={`countdown countdown--${urgency}`} data-urgency={urgency}>
      <span className="countdown__level">
        <span aria-hidden="true">{SYMBOL[urgency]}</span> {t.countdown.level[urgency]}:
      </span>{' '}
      <strong className="countdown__time">{urgency === 'overdue' ? t.countdown.overdue(time) : t.countdown.left(time)}</strong>
      {!compact && <span className="countdown__deadline"> · {t.countdown.deadline(formatInstant(deadline, language, timeZone))}</span>}
    </span>
  );
}
