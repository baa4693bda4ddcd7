import { isTrackKind, TRACK_CATALOGUE, type Text, type TrackKind } from './catalogue.js';

/** The track a clock belongs to: `gdpr-art33`, `gdpr-art33-supplement`, `nis2:notification`, … */
export function trackOfClock(clock: string): TrackKind | null {
  const base = clock.split(':')[0]!.replace(/-supplement$/, '');
  return isTrackKind(base) ? base : null;
}

const STAGE_NAMES: Readonly<Record<string, Text>> = {
  supplement: { sv: 'komplettering', en: 'supplement' },
  'early-warning': { sv: 'upplysning (tidig varning)', en: 'early warning' },
  notification: { sv: 'incidentanmälan', en: 'incident notification' },
  final: { sv: 'slutrapport', en: 'final report' },
  'final-after-progress': { sv: 'slutrapport efter lägesrapport', en: 'final report after a progress report' },
};

/** A clock as people call it: the track, and the stage when the track has several. */
export function clockName(clock: string): Text {
  const track = trackOfClock(clock);
  const label = track ? TRACK_CATALOGUE[track].label : { sv: clock, en: clock };
  const stage = clock.includes(':') ? clock.split(':')[1]! : clock.endsWith('-supplement') ? 'supplement' : null;
  if (stage === null) return label;
  const stageName = STAGE_NAMES[stage] ?? (stage.startsWith('intermediate') ? { sv: 'delrapport', en: 'intermediate report' } : { sv: stage, en: stage });
  return { sv: `${label.sv}: ${stageName.sv}`, en: `${label.en}: ${stageName.en}` };
}
