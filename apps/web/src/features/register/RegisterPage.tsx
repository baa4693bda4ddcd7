import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../../api/client.js';
import type { RegisterEntry } from '../../api/response-bodies.js';
import { SelectField, TextField } from '../../components/fields.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant, fromZonedInputValue } from '../../i18n/time.js';
import { TRACK_CATALOGUE } from '../../rules/domain.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';

interface Filters {
  q: string;
  status: '' | 'open' | 'closed';
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { q: '', status: '', from: '', to: '' };

function matches(entry: RegisterEntry, filters: Filters, timeZone: string): boolean {
  const q = filters.q.trim().toLowerCase();
  if (q && !entry.title.toLowerCase().includes(q) && !entry.reference.toLowerCase().includes(q)) return false;
  if (filters.status && entry.status !== filters.status) return false;
  const from = filters.from && fromZonedInputValue(`${filters.from}T00:00`, timeZone);
  const to = filters.to && fromZonedInputValue(`${filters.to}T23:59`, timeZone);
  if (from && entry.awareAt < from) return false;
  if (to && entry.awareAt > to) return false;
  return true;
}

/** The Art. 33(5) register: every incident, filtered in the browser; the CSV is the register's own export. */
export function RegisterPage() {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const register = useQuery({ queryKey: ['register'], queryFn: () => answer(api.GET('/api/register', { params: { query: { format: 'json' } } })) });
  const [form, setForm] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const set = (key: keyof Filters) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(form);
  };
  return (
    <>
      <h1>{t.register.title}</h1>
      <p className="lead">{t.register.intro}</p>
      <form className="filters" onSubmit={apply} aria-label={t.register.filters}>
        <TextField name="q" label={t.register.search} value={form.q} onChange={set('q')} />
        <SelectField name="status" label={t.register.status} value={form.status} placeholder={t.register.any} options={(['open', 'closed'] as const).map((value) => ({ value, label: t.incidentStatus[value] }))} onChange={set('status')} />
        <TextField name="from" type="text" width="short" label={t.register.from} hint="YYYY-MM-DD" value={form.from} onChange={set('from')} />
        <TextField name="to" type="text" width="short" label={t.register.to} hint="YYYY-MM-DD" value={form.to} onChange={set('to')} />
        <button type="submit" className="button button--secondary">
          {t.register.apply}
        </button>
      </form>
      <p>
        <a className="button button--secondary" href={`/api/register?format=csv&language=${language}`} download>
          {t.register.exportCsv}
        </a>
      </p>
      <QueryState query={register}>
        {(entries) => {
          const shown = entries.filter((entry) => matches(entry, filters, timeZone));
          if (shown.length === 0) return <p>{t.register.empty}</p>;
          return (
            <>
              <p role="status">{t.register.count(shown.length, entries.length)}</p>
              <div className="table-scroll">
                <table className="table">
                  <caption className="visually-hidden">{t.register.title}</caption>
                  <thead>
                    <tr>
                      {(['reference', 'title', 'awareAt', 'outcome', 'filings', 'complete', 'status'] as const).map((column) => (
                        <th key={column} scope="col">
                          {t.register.columns[column]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((entry) => (
                      <tr key={entry.incidentId}>
                        <td>
                          <Link to={`/incidents/${entry.incidentId}`}>{entry.reference}</Link>
                        </td>
                        <td>{entry.title}</td>
                        <td>{formatInstant(entry.awareAt, language, timeZone)}</td>
                        <td>{entry.assessment ? <OutcomeBadge outcome={entry.assessment.outcome} /> : '–'}</td>
                        <td>
                          {entry.filings.length === 0
                            ? '–'
                            : entry.filings.map((filing, index) => (
                                <div key={index}>
                                  {TRACK_CATALOGUE[filing.track as keyof typeof TRACK_CATALOGUE]?.label[language] ?? filing.track}: {t.filingStatus[filing.status as keyof typeof t.filingStatus] ?? filing.status}
                                  {filing.reference && ` (${filing.reference})`}
                                </div>
                              ))}
                        </td>
                        <td>{entry.complete ? t.register.complete : t.register.incomplete(entry.missing.length)}</td>
                        <td>{t.incidentStatus[entry.status]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
