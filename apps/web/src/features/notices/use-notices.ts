import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from '../../api/client.js';
import type { ApiPaths, DeliveryView, ExceptionView, IncidentView, NoticeView } from '../../api/response-bodies.js';
import { useOpenIncidents } from '../incidents/use-incidents.js';
import { importContentType } from './notice-rules.js';

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
export type DraftNoticeBody = JsonBody<ApiPaths['/api/incidents/{id}/notices']['post']>;
export type NoticeContent = DraftNoticeBody['content'];
export type NoticeChannel = DraftNoticeBody['channel'];
export type NoticeLanguage = NonNullable<DraftNoticeBody['language']>;
export type ExceptionProposal = JsonBody<ApiPaths['/api/incidents/{id}/tracks/gdpr-art34/exception']['post']>;
export type ExceptionGround = ExceptionProposal['ground'];
export type DeliveryStatus = DeliveryView['status'];
/** The statuses the deliveries may be filtered by (one still being sent counts as queued). */
export type DeliveryFilter = NonNullable<NonNullable<ApiPaths['/api/notices/{id}/deliveries']['get']['parameters']['query']>['status']>;

export const NOTICE_CHANNELS: readonly NoticeChannel[] = ['email', 'letter', 'sms', 'public'];
export const NOTICE_LANGUAGES: readonly NoticeLanguage[] = ['sv', 'en', 'sv-easy'];
export const EXCEPTION_GROUNDS: readonly ExceptionGround[] = ['34(3)(a)', '34(3)(b)', '34(3)(c)'];

/** While a notice goes out, its status and counts are read again this often. */
const LIVE_MS = 1_000;

/** Whether the incident owes (or may owe) a notice to the people: the Art. 34 track, or a high risk. */
export const owesNotices = (incident: IncidentView): boolean => incident.tracks.some((track) => track.kind === 'gdpr-art34') || incident.risk?.outcome === 'high-risk';

/** A notice still going out (or about to): its progress is live. */
export const isGoingOut = (notice: NoticeView): boolean => notice.status === 'sending' || notice.status === 'paused';

export function useNotices(incidentId: string, enabled = true) {
  return useQuery({ queryKey: ['incident', incidentId, 'notices'], queryFn: () => answer(api.GET('/api/incidents/{id}/notices', { params: { path: { id: incidentId } } })), enabled });
}

/** One notice; read again every second while it goes out, or while a sending just asked for has not begun. */
export function useNotice(id: string, options: { awaitingSend?: boolean } = {}) {
  return useQuery({
    queryKey: ['notice', id],
    queryFn: () => answer(api.GET('/api/notices/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => {
      const notice = query.state.data;
      return notice && (notice.status === 'sending' || (options.awaitingSend && notice.status === 'approved')) ? LIVE_MS : false;
    },
  });
}

export function useRecipients(incidentId: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['incident', incidentId, 'recipients', page.limit, page.offset],
    queryFn: () => answer(api.GET('/api/incidents/{id}/recipients', { params: { path: { id: incidentId }, query: { limit: page.limit, offset: page.offset } } })),
    placeholderData: keepPreviousData,
  });
}

/** The counts and a page of deliveries; live (every second) while the notice goes out. */
export function useDeliveries(noticeId: string, page: { limit: number; offset: number; status?: DeliveryFilter }, live: boolean) {
  return useQuery({
    queryKey: ['notice', noticeId, 'deliveries', page.limit, page.offset, page.status ?? 'all'],
    queryFn: () => answer(api.GET('/api/notices/{id}/deliveries', { params: { path: { id: noticeId }, query: { limit: page.limit, offset: page.offset, ...(page.status && { status: page.status }) } } })),
    refetchInterval: live ? LIVE_MS : false,
    placeholderData: keepPreviousData,
  });
}

export function useExceptions(incidentId: string, enabled = true) {
  return useQuery({
    queryKey: ['incident', incidentId, 'art34-exceptions'],
    queryFn: () => answer(api.GET('/api/incidents/{id}/tracks/gdpr-art34/exceptions', { params: { path: { id: incidentId } } })),
    enabled,
  });
}

/**
 * What waits for an approver or the DPO besides reports: notices awaiting approval, and Art. 34(3)
 * exceptions awaiting a decision, on the open incidents that may owe notices.
 */
export function useNoticeApprovals(enabled = true) {
  const incidents = useOpenIncidents();
  return useQuery({
    queryKey: ['approvals', 'notices', incidents.data?.map((incident) => `${incident.id}:${incident.updatedAt}`)],
    enabled: enabled && incidents.isSuccess,
    queryFn: async (): Promise<{ notices: Array<{ incident: IncidentView; notice: NoticeView }>; exceptions: Array<{ incident: IncidentView; exception: ExceptionView }> }> => {
      const owing = (incidents.data ?? []).filter(owesNotices);
      const perIncident = await Promise.all(
        owing.map(async (incident) => {
          const path = { params: { path: { id: incident.id } } };
          const [notices, exceptions] = await Promise.all([
            answer(api.GET('/api/incidents/{id}/notices', path)),
            incident.tracks.some((track) => track.kind === 'gdpr-art34') ? answer(api.GET('/api/incidents/{id}/tracks/gdpr-art34/exceptions', path)) : { items: [] },
          ]);
          return {
            notices: notices.items.filter((notice) => notice.status === 'awaiting-approval').map((notice) => ({ incident, notice })),
            exceptions: exceptions.items.filter((exception) => exception.decision === null).map((exception) => ({ incident, exception })),
          };
        }),
      );
      return { notices: perIncident.flatMap((entry) => entry.notices), exceptions: perIncident.flatMap((entry) => entry.exceptions) };
    },
  });
}


/** Streams the chosen file as it is (never read into the page): the API reads it row by row. */
export function useImportRecipients(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      answer(
        api.POST('/api/incidents/{id}/recipients', {
          params: { path: { id: incidentId } },
          body: '',
          bodySerializer: () => file,
          headers: { 'Content-Type': importContentType(file) },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['incident', incidentId, 'recipients'] }),
  });
}

/** After a step on a notice: the notice, the incident's list, the approvals and the incident (its track) read it again. */
function useNoticeChanged() {
  const queryClient = useQueryClient();
  return (notice: NoticeView) => {
    queryClient.setQueryData(['notice', notice.id], notice);
    void queryClient.invalidateQueries({ queryKey: ['notice', notice.id, 'deliveries'] });
    void queryClient.invalidateQueries({ queryKey: ['incident', notice.incidentId, 'notices'] });
    void queryClient.invalidateQueries({ queryKey: ['incident', notice.incidentId, 'timeline'] });
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
  };
}

export function useDraftNotice(incidentId: string) {
  const onSuccess = useNoticeChanged();
  return useMutation({ mutationFn: (body: DraftNoticeBody) => answer(api.POST('/api/incidents/{id}/notices', { params: { path: { id: incidentId } }, body })), onSuccess });
}

export function useNoticeSteps(id: string) {
  const onSuccess = useNoticeChanged();
  const path = { params: { path: { id } } };
  return {
    edit: useMutation({ mutationFn: (content: NoticeContent) => answer(api.PATCH('/api/notices/{id}', { ...path, body: { content } })), onSuccess }),
    submit: useMutation({ mutationFn: (revision: number) => answer(api.POST('/api/notices/{id}/submit', { ...path, body: { revision } })), onSuccess }),
    approve: useMutation({ mutationFn: (revision: number) => answer(api.POST('/api/notices/{id}/approve', { ...path, body: { revision } })), onSuccess }),
    reject: useMutation({ mutationFn: (body: { revision: number; comment: string }) => answer(api.POST('/api/notices/{id}/reject', { ...path, body })), onSuccess }),
    send: useMutation({ mutationFn: () => answer(api.POST('/api/notices/{id}/send', { ...path, body: {} })), onSuccess }),
    pause: useMutation({ mutationFn: () => answer(api.POST('/api/notices/{id}/pause', path)), onSuccess }),
    resume: useMutation({ mutationFn: () => answer(api.POST('/api/notices/{id}/resume', path)), onSuccess }),
    cancel: useMutation({ mutationFn: () => answer(api.POST('/api/notices/{id}/cancel', path)), onSuccess }),
    retryFailed: useMutation({ mutationFn: () => answer(api.POST('/api/notices/{id}/retry-failed', path)), onSuccess }),
  };
}

export function useExceptionSteps(incidentId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] });
    void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    void queryClient.invalidateQueries({ queryKey: ['register'] });
  };
  const path = (exceptionId: string) => ({ params: { path: { id: incidentId, exceptionId } } });
  return {
    propose: useMutation({ mutationFn: (body: ExceptionProposal) => answer(api.POST('/api/incidents/{id}/tracks/gdpr-art34/exception', { params: { path: { id: incidentId } }, body })), onSuccess }),
    approve: useMutation({
      mutationFn: ({ exceptionId, comment }: { exceptionId: string; comment?: string }) => answer(api.POST('/api/incidents/{id}/tracks/gdpr-art34/exception/{exceptionId}/approve', { ...path(exceptionId), body: comment ? { comment } : {} })),
      onSuccess,
    }),
    reject: useMutation({
      mutationFn: ({ exceptionId, comment }: { exceptionId: string; comment: string }) => answer(api.POST('/api/incidents/{id}/tracks/gdpr-art34/exception/{exceptionId}/reject', { ...path(exceptionId), body: { comment } })),
      onSuccess,
    }),
  };
}

/** The address of a notice's preview for one person (or nobody in particular); the revision makes a new text load afresh. */
export function previewUrl(notice: NoticeView, format: 'html' | 'text' | 'pdf', recipientId: string | undefined): string {
  const query = new URLSearchParams({ format, ...(recipientId && { recipient: recipientId }), revision: String(notice.revision) });
  return `/api/notices/${notice.id}/preview?${query.toString()}`;
}
