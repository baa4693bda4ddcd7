import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { ApiPaths, FilingView, IncidentView } from '../../api/response-bodies.js';
import { useOpenIncidents } from '../incidents/use-incidents.js';

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
export type RecordBody = JsonBody<ApiPaths['/api/filings/{id}/record']['post']>;
export type RenderBody = JsonBody<ApiPaths['/api/filings/{id}/render']['post']>;
export type RejectBody = JsonBody<ApiPaths['/api/filings/{id}/reject']['post']>;

export function useFiling(id: string) {
  return useQuery({ queryKey: ['filing', id], queryFn: () => answer(api.GET('/api/filings/{id}', { params: { path: { id } } })) });
}

/** After a step on a filing: the filing, its incident, the lists and the register read it again. */
function useFilingChanged() {
  const queryClient = useQueryClient();
  return (filing: FilingView) => {
    queryClient.setQueryData(['filing', filing.id], filing);
    void queryClient.invalidateQueries({ queryKey: ['incident', filing.incidentId] });
    void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    void queryClient.invalidateQueries({ queryKey: ['register'] });
  };
}

export function useFilingSteps(id: string) {
  const onSuccess = useFilingChanged();
  const path = { params: { path: { id } } };
  return {
    render: useMutation({ mutationFn: (body: RenderBody) => answer(api.POST('/api/filings/{id}/render', { ...path, body })), onSuccess }),
    submit: useMutation({ mutationFn: (revision: number) => answer(api.POST('/api/filings/{id}/submit', { ...path, body: { revision } })), onSuccess }),
    approve: useMutation({ mutationFn: (revision: number) => answer(api.POST('/api/filings/{id}/approve', { ...path, body: { revision } })), onSuccess }),
    reject: useMutation({ mutationFn: (body: RejectBody) => answer(api.POST('/api/filings/{id}/reject', { ...path, body })), onSuccess }),
    record: useMutation({ mutationFn: (body: RecordBody) => answer(api.POST('/api/filings/{id}/record', { ...path, body })), onSuccess }),
    reference: useMutation({ mutationFn: (reference: string) => answer(api.POST('/api/filings/{id}/reference', { ...path, body: { reference } })), onSuccess }),
  };
}

/** Reports awaiting approval on the open incidents, each with its incident. */
export function useAwaitingApproval() {
  const incidents = useOpenIncidents();
  return useQuery({
    queryKey: ['approvals', incidents.data?.map((incident) => `${incident.id}:${incident.updatedAt}:${incident.tracks.map((track) => track.status).join()}`)],
    enabled: incidents.isSuccess,
    queryFn: async (): Promise<Array<{ incident: IncidentView; filing: FilingView }>> => {
      const waiting = (incidents.data ?? []).flatMap((incident) => incident.tracks.flatMap((track) => track.filings.filter((filing) => filing.status === 'awaiting-approval').map((filing) => ({ incident, id: filing.id }))));
      return Promise.all(waiting.map(async ({ incident, id }) => ({ incident, filing: await answer(api.GET('/api/filings/{id}', { params: { path: { id } } })) })));
    },
  });
}
