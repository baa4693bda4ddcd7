import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { ApiPaths, UserAccountView } from '../../api/response-bodies.js';

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
export type Invitation = JsonBody<ApiPaths['/api/users']['post']>;
export type AccountChange = JsonBody<ApiPaths['/api/users/{id}']['patch']>;
export type NewLinkRequest = JsonBody<ApiPaths['/api/users/{id}/invitation']['post']>;

const USERS = ['users'] as const;

/** The organisation's people as an admin manages them (admins only: everyone else is refused). */
export function useUsers() {
  return useQuery({ queryKey: USERS, queryFn: () => answer(api.GET('/api/users')) });
}

/** Both lists of people change with a person: this one and the Lex Maria reporters' choices in the settings. */
function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: USERS });
    void queryClient.invalidateQueries({ queryKey: ['organisation', 'users'] });
  };
}

/** Creates the person without a password; the API e-mails them the one-time link to choose one. */
export function useInviteUser() {
  const refresh = useRefreshPeople();
  return useMutation({ mutationFn: (invitation: Invitation) => answer(api.POST('/api/users', { body: invitation })), onSuccess: refresh });
}

/** Another role, deactivation or reactivation; the person's sessions end with it. */
export function useChangeUser() {
  const queryClient = useQueryClient();
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: AccountChange }) => answer(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: change })),
    onSuccess: (changed: UserAccountView) => {
      queryClient.setQueryData<UserAccountView[]>(USERS, (users) => users?.map((user) => (user.id === changed.id ? changed : user)));
      refresh();
    },
  });
}

/**
 * A new one-time link e-mailed to the person (an invitation again, or a password reset when they
 * have a password); earlier links stop working. Nothing in the list changes, so nothing is refetched.
 */
export function useSendNewLink() {
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: NewLinkRequest }) => answer(api.POST('/api/users/{id}/invitation', { params: { path: { id } }, body: request })),
  });
}
