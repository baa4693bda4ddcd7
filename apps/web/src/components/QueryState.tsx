import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/i18n.js';

/** Loading, failure (with a retry) or the content of a query. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.isPending) return <p role="status">{t.app.loading}</p>;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="notice notice--error" role="alert">
        <p>{notFound ? t.app.notFound : t.app.loadFailed}</p>
        {!notFound && (
          <button type="button" className="button button--secondary" onClick={() => void query.refetch()}>
            {t.app.retry}
          </button>
        )}
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
