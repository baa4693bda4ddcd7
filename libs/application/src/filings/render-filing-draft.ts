import { Inject, Injectable } from '@nestjs/common';
import { buildFilingDocument } from '../../../domain/src/filings/build-filing-document.js';
import type { FilingDocument, FilingInput, FilingLanguage } from '../../../domain/src/filings/filing-input.js';
import { informingFromNotices, type Art34TrackSummary } from '../../../domain/src/notices/informing-from-notices.js';
import type { Art34Exception } from '../../../domain/src/risk/assessment.js';
import { isFilingTrack, type FilingTrack, type TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import type { Filing } from '../../../persistence/src/entities/filing.entity.js';
import type { RenderDraftInput } from '../../../../workflows/activity-contracts.js';

/** What a person wrote into a draft, as it stands after this render. */
interface DraftText {
  language: FilingLanguage;
  supplementsToFollow: string | null;
  completesReport: boolean;
  delayReason: string | null;
  noBreachJustification: string | null;
  secrecyRequest: string | null;
}

/**
 * Renders a report from the current facts and assessment and stores the revision the track's
 * workflow decided on, with its audit event, in one transaction. Idempotent: a retry finds its
 * revision already stored and writes nothing.
 */
@Injectable()
export class RenderFilingDraft {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async execute(input: RenderDraftInput): Promise<{ missing: number }> {
    return this.caseFile.transaction(async (repositories) => {
      const existing = await repositories.filings.find(input.filingId, { lock: true });
      if (existing && (existing.revision >= input.revision || existing.status === 'filed')) return { missing: existing.document.missing.length };
      const text = draftText(existing, input);
      const { document, factsVersion } = await composeFiling(repositories, input, text);
      const now = new Date();
      const audit = (action: string, detail: Record<string, unknown>) =>
        repositories.audit.append({ organisationId: input.organisationId, incidentId: input.incidentId, actor: input.editorId, action, detail: { filingId: input.filingId, ...detail } });
      if (existing) {
        await repositories.filings.update(existing.id, {
          document,
          factsVersion,
          revision: input.revision,
          status: 'draft',
          approvedBy: null,
          approvedAt: null,
          submittedAt: null,
          lastEditorId: input.editorId,
          updatedAt: now,
          ...text,
        });
        await audit('filing.re-rendered', { revision: input.revision, missing: document.missing.length });
        return { missing: document.missing.length };
      }
      await repositories.filings.insert({
        id: input.filingId,
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        track: input.track,
        kind: input.kind,
        sequence: input.sequence,
        status: 'draft',
        revision: input.revision,
        recipient: input.recipient,
        factsVersion,
        document,
        authorId: input.authorId,
        lastEditorId: input.editorId,
        createdAt: now,
        updatedAt: now,
        supersedesId: input.supersedesId,
        ...text,
      });
      await audit('filing.drafted', { kind: input.kind, track: input.track, sequence: input.sequence, missing: document.missing.length });
      return { missing: document.missing.length };
    });
  }
}

/** What the person changed now, over what the draft said before. */
function draftText(existing: Filing | null, input: RenderDraftInput): DraftText {
  const { content } = input;
  const language = content.language ?? existing?.language;
  if (language === undefined) throw new Error(`render of a new report ${input.filingId} without a language`);
  const pick = (given: string | null | undefined, before: string | null | undefined): string | null => (given === undefined ? (before ?? null) : given);
  return {
    language,
    supplementsToFollow: pick(content.supplementsToFollow, existing?.supplementsToFollow),
    completesReport: content.completesReport ?? existing?.completesReport ?? false,
    delayReason: pick(content.delayReason, existing?.delayReason),
    noBreachJustification: pick(content.noBreachJustification, existing?.noBreachJustification),
    secrecyRequest: pick(content.secrecyRequest, existing?.secrecyRequest),
  };
}

/** Gathers what a report is made of — organisation, current facts, risk picture, the filing it follows — and builds the document. */
async function composeFiling(repositories: Repositories, request: RenderDraftInput, text: DraftText): Promise<{ document: FilingDocument; factsVersion: number }> {
  if (!isFilingTrack(request.track)) throw new Error(`${request.track} has no report document`);
  // One after another: the repositories share the transaction's single connection.
  const incident = await repositories.incidents.get(request.incidentId);
  const organisation = await repositories.organisations.get(request.organisationId);
  const facts = await repositories.facts.facts(incident.id, incident.currentFactsVersion);
  const risk = await repositories.risk.picture(incident.id, incident.currentFactsVersion);
  let previous: FilingInput['previous'];
  if (request.supersedesId) {
    const earlier = await repositories.filings.get(request.supersedesId);
    previous = {
      sequence: earlier.sequence,
      filedAt: earlier.filedAt!.toISOString(),
      reference: earlier.reference ?? undefined,
      factsVersion: earlier.factsVersion,
      facts: await repositories.facts.facts(incident.id, earlier.factsVersion),
    };
  }
  // The IMY report's Art. 34 answers come from the notices track once it holds anything.
  const informing = request.track === 'gdpr-art33' ? informingFromNotices(await art34Summary(repositories, incident.id), text.language) : undefined;
  const input: FilingInput = {
    ...(await surroundings(repositories, request, organisation.lexMariaReporters)),
    track: request.track,
    kind: request.kind,
    language: text.language,
    organisation: {
      legalName: organisation.legalName ?? organisation.name,
      orgNumber: organisation.orgNumber ?? undefined,
      postalAddress: organisation.postalAddress ?? undefined,
      contact: {
        name: organisation.contactName ?? undefined,
        email: organisation.contactEmail ?? undefined,
        phone: organisation.contactPhone ?? undefined,
        role: organisation.contactRole ?? undefined,
      },
      timeZone: organisation.timeZone,
      secrecyNote: organisation.secrecyNote ?? undefined,
      processorNoticeTimeAgreed: organisation.processorNoticeTimeAgreed,
    },
    incident: { reference: incident.reference, factsVersion: incident.currentFactsVersion, facts: informing ? { ...facts, informingDataSubjects: informing } : facts },
    risk: risk
      ? {
          computed: risk.computed,
          outcome: risk.outcome,
          override: risk.override ? { outcome: risk.override.outcome, justification: risk.override.justification } : undefined,
        }
      : null,
    preparedAt: request.preparedAt,
    deadline: request.deadline,
    supplementsToFollow: text.supplementsToFollow ?? undefined,
    completesReport: text.completesReport,
    secrecyRequest: text.secrecyRequest ?? undefined,
    delayReason: text.delayReason ?? undefined,
    recipient: request.recipient ?? undefined,
    previous,
    noBreachJustification: text.noBreachJustification ?? undefined,
  };
  return { document: buildFilingDocument(input), factsVersion: incident.currentFactsVersion };
}

/** What else the case file holds that a Lex Maria or NIS2 report tells: other reports, the track's tasks, its screening, the designated reporters. */
async function surroundings(repositories: Repositories, request: RenderDraftInput, lexMariaReporters: string[]): Promise<Partial<FilingInput>> {
  const filings = (await repositories.filings.ofIncident(request.incidentId)).filter((filing) => filing.id !== request.filingId);
  const tasks = (await repositories.tasks.ofIncident(request.incidentId)).filter((task) => task.track === request.track);
  const screening = (await repositories.screenings.ofIncident(request.incidentId)).filter((decision) => decision.track === request.track && decision.applies).at(-1);
  const reporters = request.track === 'lex-maria' ? await repositories.organisations.displayNames(lexMariaReporters) : new Map<string, string>();
  return {
    otherReports: filings
      .filter((filing) => isFilingTrack(filing.track as TrackKind))
      .map((filing) => ({
        track: filing.track as FilingTrack,
        kind: filing.kind,
        status: filing.status,
        ...(filing.filedAt && { filedAt: filing.filedAt.toISOString() }),
        ...(filing.reference && { reference: filing.reference }),
      })),
    tasks: tasks.map((task) => ({
      kind: task.kind,
      status: task.status,
      data: task.data,
      ...(task.dueAt && { dueAt: task.dueAt.toISOString() }),
      ...(task.completedAt && { completedAt: task.completedAt.toISOString() }),
    })),
    ...(screening && { screening: screening.answers }),
    ...(reporters.size > 0 && { designatedReporters: lexMariaReporters.flatMap((id) => reporters.get(id) ?? []) }),
  };
}

/** What the Art. 34 track holds: the notices sent and to how many, one on its way, an approved exception. */
async function art34Summary(repositories: Repositories, incidentId: string): Promise<Art34TrackSummary> {
  const notices = await repositories.notices.ofIncident(incidentId);
  const sent: Art34TrackSummary['sent'] = [];
  for (const notice of notices.filter((candidate) => candidate.status === 'sent' && candidate.sentAt !== null)) {
    sent.push({ channel: notice.channel, sentAt: (notice.sendStartedAt ?? notice.sentAt)!.toISOString(), delivered: (await repositories.deliveries.counts(notice.id)).sent });
  }
  const exception = (await repositories.trackExceptions.ofIncident(incidentId)).filter((candidate) => candidate.decision === 'approved').at(-1);
  return {
    sent,
    underway: notices.some((notice) => ['approved', 'sending', 'paused'].includes(notice.status)),
    ...(exception && { exception: { ground: exception.ground as Art34Exception, reason: exception.reason } }),
  };
}
