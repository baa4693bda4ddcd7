import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';

export function useUnreadNotifications() {
  return useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => answer(api.GET('/api/notifications', { params: { query: { unread: 'true' } } })), refetchInterval: 60_000 });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => answer(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
