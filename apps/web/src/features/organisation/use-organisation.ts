import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { ApiPaths, SsoGroupLine } from '../../api/response-bodies.js';
import type { Role } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';

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
    onSuccess: (organisation) => {
      queryClient.setQueryData(['organisation'], organisation);
      // Who is a designated reporter changes which steps each incident offers.
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}

/** The organisation's people (admins and the DPO may list them), to designate Lex Maria's reporters. */
export function useOrganisationUsers(enabled: boolean) {
  return useQuery({ queryKey: ['organisation', 'users'], queryFn: () => answer(api.GET('/api/organisation/users')), enabled, staleTime: 60_000 });
}

/** The signed-in person: the role, and whether the organisation designated them to report under Lex Maria. */
export function useCurrentPerson(): { id: string; role: Role; designatedReporter: boolean } {
  const user = useCurrentUser();
  const organisation = useOrganisation().data;
  return { id: user.id, role: user.role, designatedReporter: organisation?.lexMariaReporters.includes(user.id) ?? false };
}

/** Which of the sign-in service's groups give which role (admins and the DPO may read it). */
export function useSsoGroups(enabled: boolean) {
  return useQuery({ queryKey: ['organisation', 'sso-groups'], queryFn: () => answer(api.GET('/api/organisation/sso-groups')), enabled, staleTime: 60_000 });
}

export function useReplaceSsoGroups() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groups: SsoGroupLine[]) => answer(api.PUT('/api/organisation/sso-groups', { body: { groups } })),
    onSuccess: (mapping) => queryClient.setQueryData(['organisation', 'sso-groups'], mapping),
  });
}
