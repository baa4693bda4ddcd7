import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.js';
import { answer, api, onSessionEnded, setCsrfToken } from '../../api/client.js';
import type { BrowserSessionView } from '../../api/response-bodies.js';

const SESSION = ['session'] as const;

/**
 * For the app's root: when any request answers 401 (the server ended the session: signed out
 * elsewhere, deactivated, role changed, idle), the session is read again, and the sign-in form
 * shows if it has indeed ended.
 */
export function useSessionEndedWatch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    onSessionEnded(() => void queryClient.invalidateQueries({ queryKey: SESSION }));
    return () => onSessionEnded(undefined);
  }, [queryClient]);
}

/** The signed-in person, or null when the browser has no (valid) session cookie. */
export function useSession() {
  return useQuery({
    queryKey: SESSION,
    queryFn: async (): Promise<BrowserSessionView | null> => {
      try {
        const session = await answer(api.GET('/api/auth/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** How people sign in here (password, the organisation's account, or both); until it is known, the password form shows. */
export function useSignInMethods() {
  return useQuery({ queryKey: ['sign-in-methods'], queryFn: () => answer(api.GET('/api/auth/methods')), staleTime: Infinity });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => answer(api.POST('/api/auth/session', { body: credentials })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION, session);
    },
  });
}

/** Signed out first (every page unmounts, the sign-in form shows), then nothing of the session stays in memory. */
function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  queryClient.setQueryData(SESSION, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION[0] });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => answer(api.DELETE('/api/auth/session')),
    onSettled: () => forgetSession(queryClient),
  });
}

/**
 * Ends every session of the account: every browser (this one too) and every API client. A refusal
 * leaves this browser signed in, so the person sees that nothing was ended and can try again.
 */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => answer(api.POST('/api/auth/logout-everywhere')),
    onSuccess: () => forgetSession(queryClient),
  });
}

/** The signed-in person (inside the signed-in part of the app, where there always is one). */
export function useCurrentUser(): BrowserSessionView['user'] {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a session');
  return data.user;
}
