import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { NoticeView } from '../../api/response-bodies.js';
import { RadioGroup, SelectField } from '../../components/fields.js';
import { describeMasked } from './notice-labels.js';
import { reaches } from './notice-rules.js';
import { useNoticeMessages } from './use-notice-messages.js';
import { previewUrl, useRecipients } from './use-notices.js';

const PEOPLE_PER_PAGE = 100;

type Format = 'html' | 'text';

/**
 * The notice as one person receives it: the e-mail as HTML in a fully sandboxed frame (it may show
 * itself and nothing else; its own CSP says the same) or as text; an SMS as text; a letter's text
 * and its PDF; the public page as HTML. Only the person's name is put in.
 */
export function NoticePreview({ notice }: { notice: NoticeView }) {
  const m = useNoticeMessages();
  const p = m.preview;
  const personal = notice.channel !== 'public';
  const [offset, setOffset] = useState(0);
  const people = useRecipients(notice.incidentId, { limit: PEOPLE_PER_PAGE, offset });
  const page = (people.data?.items ?? []).filter((recipient) => reaches(notice, recipient));
  const [chosen, setChosen] = useState<string>();
  // The first person the notice goes to, until someone else is chosen.
  const recipientId = personal ? (chosen ?? page[0]?.id ?? '') : '';
  const formats: Format[] = notice.channel === 'email' ? ['html', 'text'] : notice.channel === 'public' ? ['html'] : ['text'];
  const [picked, setPicked] = useState<Format>(formats[0]);
  const format = formats.includes(picked) ? picked : formats[0];
  const total = people.data?.total ?? 0;
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">{p.title}</h2>
      {personal ? (
        <div className="preview-controls">
          <SelectField
            name="previewRecipient"
            label={p.recipient}
            hint={p.recipientHint}
            value={recipientId}
            options={[{ value: '', label: p.generic }, ...page.map((recipient) => ({ value: recipient.id, label: p.person(offset + (people.data?.items.indexOf(recipient) ?? 0) + 1, describeMasked(recipient.masked, notice.channel)) }))]}
            onChange={(value) => setChosen(value)}
          />
          {total > PEOPLE_PER_PAGE && (
            <div className="actions">
              <button type="button" className="button button--secondary button--compact" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PEOPLE_PER_PAGE))}>
                {p.earlierPeople}
              </button>
              <button type="button" className="button button--secondary button--compact" disabled={offset + PEOPLE_PER_PAGE >= total} onClick={() => setOffset(offset + PEOPLE_PER_PAGE)}>
                {p.morePeople}
              </button>
            </div>
          )}
          {formats.length > 1 && (
            <RadioGroup name="previewFormat" label={p.format} value={format} options={formats.map((value) => ({ value, label: p.formats[value] }))} onChange={setPicked} />
          )}
        </div>
      ) : (
        <p className="hint">{p.publicHint}</p>
      )}
      {format === 'html' ? (
        <iframe key={`${notice.revision}:${recipientId}`} className="preview" title={p.frame} sandbox="" src={previewUrl(notice, 'html', recipientId || undefined)} />
      ) : (
        <TextPreview url={previewUrl(notice, 'text', recipientId || undefined)} />
      )}
      {notice.channel === 'letter' && (
        <p>
          <span className="hint">{p.pdfHint} </span>
          <a className="button button--secondary" href={previewUrl(notice, 'pdf', recipientId || undefined)} download>
            {p.pdf}
          </a>
        </p>
      )}
    </section>
  );
}

/** A text preview, shown as text (never as markup). */
function TextPreview({ url }: { url: string }) {
  const m = useNoticeMessages();
  const text = useQuery({
    queryKey: ['notice-preview', url],
    queryFn: async () => {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    },
  });
  if (text.isError) return <p className="notice notice--error">{m.preview.loadFailed}</p>;
  return (
    <pre className="preview-text" tabIndex={0} role="region" aria-label={m.preview.textTitle} aria-busy={text.isPending}>
      {text.data ?? ''}
    </pre>
  );
}
