import type { NoticeView, RecipientView } from '../../api/response-bodies.js';

type NoticeChannel = NoticeView['channel'];
type NoticeContent = NoticeView['content'];

// The notices pages' pure rules (no React, no requests), unit-tested in test/unit/web.

/** The four texts a person writes (Art. 34(2) with Art. 33(3)(b)-(d)); the contact point comes from the organisation. */
export const CONTENT_ITEMS = ['nature', 'consequences', 'measures', 'advice'] as const;

export type ContentValues = Record<(typeof CONTENT_ITEMS)[number] | 'subject', string>;

export const EMPTY_CONTENT: ContentValues = { subject: '', nature: '', consequences: '', measures: '', advice: '' };

/** Field names as the API names them (`content.nature`), so its field errors land next to the field. */
export const contentField = (item: keyof ContentValues) => `content.${item}`;
export const CONTENT_FIELDS = [...CONTENT_ITEMS, 'subject' as const].map(contentField);

export const contentValuesOf = (content: NoticeContent): ContentValues => ({ subject: content.subject ?? '', nature: content.nature ?? '', consequences: content.consequences ?? '', measures: content.measures ?? '', advice: content.advice ?? '' });

/** The texts as the API takes them: trimmed, an empty one left out (a notice may be drafted incomplete); an SMS has none, only an e-mail a subject. */
export function contentOf(values: ContentValues, channel: NoticeChannel): NoticeContent {
  const keys = channel === 'sms' ? [] : channel === 'email' ? (['subject', ...CONTENT_ITEMS] as const) : CONTENT_ITEMS;
  return Object.fromEntries(keys.map((key) => [key, values[key].trim()]).filter(([, value]) => value !== '')) as NoticeContent;
}

/** Which request body a file is: JSON by its name or type, otherwise CSV (Excel names CSV files all sorts of types). */
export const importContentType = (file: Pick<File, 'name' | 'type'>): 'application/json' | 'text/csv' => (/\.json$/i.test(file.name) || file.type === 'application/json' ? 'application/json' : 'text/csv');

const RECIPIENT_CHANNEL = { email: 'email', sms: 'sms', letter: 'letter', public: null } as const;

/** Whether the notice goes to this person: reachable on its channel, of its language and segment when it names them (as the API's delivery does). */
export function reaches(notice: Pick<NoticeView, 'channel' | 'targetLanguage' | 'segment'>, recipient: Pick<RecipientView, 'channels' | 'language' | 'segment' | 'purged'>): boolean {
  const channel = RECIPIENT_CHANNEL[notice.channel];
  if (channel === null || !recipient.channels.includes(channel) || recipient.purged) return false;
  if (notice.targetLanguage && recipient.language !== notice.targetLanguage) return false;
  return !notice.segment || recipient.segment === notice.segment;
}
