import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { ApiPaths } from '../../api/response-bodies.js';

type OrganisationChange = ApiPaths['/api/organisation']['patch']['requestBody'] extends { content: { 'application/json': infer Body } } | undefined ? Body : never;

export function useOrganisation() {
  return useQuery({ queryKey: ['organisation'], queryFn: () => answer(api.GET('/api/organisation')), staleTime: 5 * 60_000 });
}

/** The zone every date and countdown is shown in: the organisation's (Stockholm until it is known). */
export function useOrganisationTimeZone(): string {
  return useOrganisation().data?.timeZone ?? 'Europe/Stockholm';
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: OrganisationChange) => answer(api.PATCH('/api/organisation', { body: change })),
    onSuccess: (organisation) => queryClient.setQueryData(['organisation'], organisation),
  });
}
