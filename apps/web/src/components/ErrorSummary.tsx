import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { fieldId, type FormError } from './form-errors.js';

/**
 * GOV.UK-style error summary: takes focus when errors appear, so a screen reader reads them,
 * and links each error to its field.
 */
export function ErrorSummary({ errors, knownFields = [] }: { errors: readonly FormError[]; knownFields?: readonly string[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  const target = (field: string | undefined) => (field ? knownFields.find((known) => field === known || field.endsWith(`.${known}`) || field.startsWith(`${known}.`) || field.startsWith(`${known}[`)) : undefined);
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t.form.errorSummaryTitle}</h2>
      <ul>
        {errors.map((error, index) => {
          const known = target(error.field);
          return <li key={index}>{known ? <a href={`#${fieldId(known)}`}>{error.message}</a> : error.field ? `${error.field}: ${error.message}` : error.message}</li>;
        })}
      </ul>
    </div>
  );
}
