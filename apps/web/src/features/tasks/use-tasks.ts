import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { TaskView } from '../../api/response-bodies.js';

// The API's request schema says only "an object" for a task's record (its schema depends on the
// kind, and the API checks it): the typed client reads that as an empty record.
type TaskRecord = Record<string, never>;
const asRecord = (data: TaskView['data']) => data as unknown as TaskRecord;

export function useTasks(incidentId: string) {
  return useQuery({ queryKey: ['incident', incidentId, 'tasks'], queryFn: () => answer(api.GET('/api/incidents/{id}/tasks', { params: { path: { id: incidentId } } })), refetchInterval: 30_000 });
}

/** Adding, saving and completing tasks; after each, the task list and the timeline are read again. */
export function useTaskSteps(incidentId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: ['incident', incidentId, 'tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['incident', incidentId, 'timeline'] });
  };
  return {
    create: useMutation({
      mutationFn: (data: TaskView['data']) => answer(api.POST('/api/incidents/{id}/tasks', { params: { path: { id: incidentId } }, body: { kind: 'patient-information', data: asRecord(data) } })),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ taskId, data }: { taskId: string; data: TaskView['data'] }) => answer(api.PATCH('/api/incidents/{id}/tasks/{taskId}', { params: { path: { id: incidentId, taskId } }, body: { data: asRecord(data) } })),
      onSuccess,
    }),
    complete: useMutation({
      mutationFn: (taskId: string) => answer(api.POST('/api/incidents/{id}/tasks/{taskId}/complete', { params: { path: { id: incidentId, taskId } } })),
      onSuccess,
    }),
  };
}
