import { useEffect, useRef, useState } from 'react';

/**
 * A step to think twice about (sending, cancelling, deactivating a person, signing out everywhere): the
 * button asks first, in words, next to it; focus moves to the question, and back to the button when
 * the answer is "not now". `compact` and `quiet` (a secondary button) for the page header's tools.
 */
export function Confirmable({ label, question, yes, no, warning = false, compact = false, quiet = false, disabled, onYes }: { label: string; question: string; yes: string; no: string; warning?: boolean; compact?: boolean; quiet?: boolean; disabled: boolean; onYes: () => void }) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const prompt = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) prompt.current?.focus();
  }, [asking]);
  const size = compact ? ' button--compact' : '';
  const kind = (warning ? 'button button--warning' : 'button') + size;
  return (
    <>
      <button type="button" ref={trigger} className={asking || quiet ? `button button--secondary${size}` : kind} disabled={disabled || asking} aria-expanded={asking} onClick={() => setAsking(true)}>
        {label}
      </button>
      {asking && (
        <div className="confirm">
          <p className="confirm__question" tabIndex={-1} ref={prompt}>
            {question}
          </p>
          <div className="actions">
            <button
              type="button"
              className={kind}
              disabled={disabled}
              onClick={() => {
                setAsking(false);
                onYes();
              }}
            >
              {yes}
            </button>
            <button
              type="button"
              className={`button button--secondary${size}`}
              onClick={() => {
                setAsking(false);
                window.setTimeout(() => trigger.current?.focus(), 0);
              }}
            >
              {no}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
