import type { Filing } from '../../../persistence/src/entities/filing.entity.js';

/** A filing as the API shows it: status and history of its steps, plus the structured document. */
export function filingView(filing: Filing) {
  return {
    id: filing.id,
    incidentId: filing.incidentId,
    track: filing.track,
    kind: filing.kind,
    language: filing.language,
    sequence: filing.sequence,
    status: filing.status,
    revision: filing.revision,
    recipient: filing.recipient,
    factsVersion: filing.factsVersion,
    authorId: filing.authorId,
    /** Who rendered the current revision: the one person who may not approve or reject it. */
    lastEditorId: filing.lastEditorId,
    createdAt: filing.createdAt.toISOString(),
    submittedAt: filing.submittedAt?.toISOString() ?? null,
    approvedBy: filing.approvedBy,
    approvedAt: filing.approvedAt?.toISOString() ?? null,
    filedAt: filing.filedAt?.toISOString() ?? null,
    filedBy: filing.filedBy,
    channel: filing.channel,
    reference: filing.reference,
    delayReason: filing.delayReason,
    late: filing.late,
    supersedesId: filing.supersedesId,
    supplementsToFollow: filing.supplementsToFollow,
    completesReport: filing.completesReport,
    secrecyRequest: filing.secrecyRequest,
    missing: filing.document.missing,
    document: filing.document,
  };
}

export type FilingView = ReturnType<typeof filingView>;
