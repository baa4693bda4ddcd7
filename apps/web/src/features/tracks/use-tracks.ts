import { useMutation, useQuery } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { ApiPaths } from '../../api/response-bodies.js';
import { useIncidentChanged } from '../incidents/use-incidents.js';

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
export type ScreeningBody = JsonBody<ApiPaths['/api/incidents/{id}/tracks/{kind}/screening']['post']>;
type ScreenedKind = ApiPaths['/api/incidents/{id}/tracks/{kind}/screening']['post']['parameters']['path']['kind'];
type AnyKind = ApiPaths['/api/incidents/{id}/tracks/{kind}/not-required']['post']['parameters']['path']['kind'];

/** How often the timeline is read again: reminders fire and colleagues act. */
const REFRESH_MS = 30_000;

/** The incident's one timeline, as the API tells it (audit trail and clocks), in time order. */
export function useTimeline(id: string) {
  return useQuery({ queryKey: ['incident', id, 'timeline'], queryFn: () => answer(api.GET('/api/incidents/{id}/timeline', { params: { path: { id } } })), refetchInterval: REFRESH_MS });
}

/** The steps on an incident's tracks that answer with the incident: screening, "not required", NIS2's stages, closing. */
export function useTrackSteps(id: string) {
  const onSuccess = useIncidentChanged();
  return {
    screen: useMutation({
      mutationFn: ({ kind, body }: { kind: ScreenedKind; body: ScreeningBody }) => answer(api.POST('/api/incidents/{id}/tracks/{kind}/screening', { params: { path: { id, kind } }, body })),
      onSuccess,
    }),
    notRequired: useMutation({
      mutationFn: ({ kind, reason }: { kind: AnyKind; reason: string }) => answer(api.POST('/api/incidents/{id}/tracks/{kind}/not-required', { params: { path: { id, kind } }, body: { reason } })),
      onSuccess,
    }),
    intermediateRequest: useMutation({
      mutationFn: (dueAt: string) => answer(api.POST('/api/incidents/{id}/tracks/{kind}/intermediate-request', { params: { path: { id, kind: 'nis2' } }, body: { dueAt } })),
      onSuccess,
    }),
    handled: useMutation({
      mutationFn: (handledAt: string) => answer(api.POST('/api/incidents/{id}/tracks/{kind}/handled', { params: { path: { id, kind: 'nis2' } }, body: { handledAt } })),
      onSuccess,
    }),
    close: useMutation({ mutationFn: () => answer(api.POST('/api/incidents/{id}/close', { params: { path: { id } } })), onSuccess }),
  };
}
