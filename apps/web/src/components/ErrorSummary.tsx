import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { fieldId, type FormError } from './form-errors.js';

/**
 * GOV.UK-style error summary: takes focus when errors appear, so a screen reader reads them,
 * and links each error to its field — on this page (`knownFields`), or on another page (`elsewhere`:
 * the field the API names, and the address where it is filled in).
 */
export function ErrorSummary({ errors, knownFields = [], elsewhere = {} }: { errors: readonly FormError[]; knownFields?: readonly string[]; elsewhere?: Readonly<Record<string, string>> }) {
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
          const away = error.field ? elsewhere[error.field] : undefined;
          if (known) return <li key={index}><a href={`#${fieldId(known)}`}>{error.message}</a></li>;
          if (away) return <li key={index}><Link to={away}>{error.message}</Link></li>;
          return <li key={index}>{error.field ? `${error.field}: ${error.message}` : error.message}</li>;
        })}
      </ul>
    </div>
  );
}
