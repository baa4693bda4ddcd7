import { useI18n } from '../../i18n/i18n.js';
import { noticesEn } from '../../i18n/notices.en.js';
import { noticesSv, type NoticeMessages } from '../../i18n/notices.sv.js';

const CATALOGUES = { sv: noticesSv, en: noticesEn } as const;

/** The notices pages' words in the reader's language (their own catalogue, loaded with those pages). */
export function useNoticeMessages(): NoticeMessages {
  return CATALOGUES[useI18n().language];
}
