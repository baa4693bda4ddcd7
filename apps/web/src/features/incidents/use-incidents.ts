import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { ApiPaths, IncidentView } from '../../api/response-bodies.js';

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
export type CreateIncidentBody = JsonBody<ApiPaths['/api/incidents']['post']>;
export type CorrectFactsBody = JsonBody<ApiPaths['/api/incidents/{id}/facts']['patch']>;
export type OverrideBody = JsonBody<ApiPaths['/api/incidents/{id}/assessment/override']['post']>;
export type DraftFilingBody = JsonBody<ApiPaths['/api/incidents/{id}/filings']['post']>;

/** How often open incidents are read again: tracks change as workflows and colleagues act. */
const REFRESH_MS = 30_000;

/** Every open incident with its tracks and clocks (one request per incident; organisations have few open at once). */
export function useOpenIncidents() {
  return useQuery({
    queryKey: ['incidents', 'open'],
    queryFn: async (): Promise<IncidentView[]> => {
      const list = await answer(api.GET('/api/incidents', { params: { query: { status: 'open', limit: '100' } } }));
      return Promise.all(list.items.map((item) => answer(api.GET('/api/incidents/{id}', { params: { path: { id: item.id } } }))));
    },
    refetchInterval: REFRESH_MS,
  });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: ['incident', id], queryFn: () => answer(api.GET('/api/incidents/{id}', { params: { path: { id } } })), refetchInterval: REFRESH_MS });
}

export function useAssessmentHistory(id: string) {
  return useQuery({ queryKey: ['incident', id, 'assessments'], queryFn: () => answer(api.GET('/api/incidents/{id}/assessments', { params: { path: { id } } })) });
}

export function useFactsVersions(id: string) {
  return useQuery({ queryKey: ['incident', id, 'facts-versions'], queryFn: () => answer(api.GET('/api/incidents/{id}/facts-versions', { params: { path: { id } } })) });
}

/** After a change to an incident: its page (with its timeline and tasks), the lists and the register read it again. */
export function useIncidentChanged() {
  const queryClient = useQueryClient();
  return (incident: IncidentView) => {
    queryClient.setQueryData(['incident', incident.id], incident);
    void queryClient.invalidateQueries({ queryKey: ['incident', incident.id, 'assessments'] });
    void queryClient.invalidateQueries({ queryKey: ['incident', incident.id, 'facts-versions'] });
    void queryClient.invalidateQueries({ queryKey: ['incident', incident.id, 'timeline'] });
    void queryClient.invalidateQueries({ queryKey: ['incident', incident.id, 'tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    void queryClient.invalidateQueries({ queryKey: ['register'] });
  };
}

export function useCreateIncident() {
  const changed = useIncidentChanged();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateIncidentBody; idempotencyKey: string }) =>
      answer(api.POST('/api/incidents', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: changed,
  });
}

export function useCorrectFacts(id: string) {
  const changed = useIncidentChanged();
  return useMutation({ mutationFn: (body: CorrectFactsBody) => answer(api.PATCH('/api/incidents/{id}/facts', { params: { path: { id } }, body })), onSuccess: changed });
}

export function useOverrideOutcome(id: string) {
  const changed = useIncidentChanged();
  return useMutation({ mutationFn: (body: OverrideBody) => answer(api.POST('/api/incidents/{id}/assessment/override', { params: { path: { id } }, body })), onSuccess: changed });
}

export function useDraftFiling(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftFilingBody) => answer(api.POST('/api/incidents/{id}/filings', { params: { path: { id: incidentId } }, body })),
    onSuccess: (filing) => {
      queryClient.setQueryData(['filing', filing.id], filing);
      void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] });
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}
