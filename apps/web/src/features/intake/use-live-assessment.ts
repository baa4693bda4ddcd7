import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { answer, api } from '../../api/client.js';
import type { IntakeDraft } from './intake-draft.js';
import { riskFactsOf } from './intake-draft.js';

/** The model's what-if assessment of the answers so far (nothing stored), after typing settles. */
export function useLiveAssessment(draft: IntakeDraft) {
  const facts = riskFactsOf(draft);
  const key = facts ? JSON.stringify(facts) : undefined;
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(key), 300);
    return () => window.clearTimeout(timer);
  }, [key]);
  return useQuery({
    queryKey: ['risk-assess', settled],
    queryFn: () => answer(api.POST('/api/risk/assess', { body: JSON.parse(settled as string) })),
    enabled: settled !== undefined,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}
