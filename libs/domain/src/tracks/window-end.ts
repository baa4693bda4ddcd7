import { addCalendarDays, addCalendarMonths } from '../clocks/calendar.js';
import { windowMs, type ClockSettings, type TrackWindow } from './catalogue.js';

/**
 * The end of a window that starts at `from`: hours (legal or the organisation's target) as
 * elapsed time, weeks and months as calendar periods in the organisation's time zone.
 */
export function windowEnd(window: TrackWindow, from: string, timeZone: string, settings: ClockSettings = {}): string {
  switch (window.basis) {
    case 'calendar-weeks':
      return addCalendarDays(new Date(from), window.weeks * 7, timeZone).toISOString();
    case 'calendar-months':
      return addCalendarMonths(new Date(from), window.months, timeZone).toISOString();
    default:
      return new Date(Date.parse(from) + windowMs(window, settings)!).toISOString();
  }
}
