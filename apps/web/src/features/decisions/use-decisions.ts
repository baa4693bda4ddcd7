import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';

/** The second person's word on a decision one person proposed (a track not required, a lower outcome). */
export function useDecisionSteps(incidentId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] });
    void queryClient.invalidateQueries({ queryKey: ['incidents'] });
  };
  const path = (decisionId: string) => ({ params: { path: { id: incidentId, decisionId } } });
  return {
    approve: useMutation({ mutationFn: (decisionId: string) => answer(api.POST('/api/incidents/{id}/decisions/{decisionId}/approve', { ...path(decisionId), body: {} })), onSuccess }),
    reject: useMutation({
      mutationFn: ({ decisionId, comment }: { decisionId: string; comment: string }) => answer(api.POST('/api/incidents/{id}/decisions/{decisionId}/reject', { ...path(decisionId), body: { comment } })),
      onSuccess,
    }),
  };
}
