import { TRACK_CATALOGUE } from '../../tracks/catalogue.js';
import type { ServiceRecipientsData } from '../../tracks/tasks/service-recipients.js';
import { answer, makeItem, showInstant, type FilingContext } from '../filing-context.js';
import type { FilingItem, FilingSection, OtherReport } from '../filing-input.js';
import { makeSection, organisationItems } from '../filing-items.js';
import type { TrackDocument } from '../track-document.js';
import { nis2Stage, type Nis2Stage } from './nis2-stage.js';
import { nis2Phrases, nis2Words, type Nis2Phrases } from './nis2-words.js';

/** The mapping version: the content NIS2 Art. 23(4) asks of each stage; MCF's own fields (MCFFS 2026:8) are unconfirmed. */
export const NIS2_FORM_VERSION = 'nis2-art23-2026-01';

const phrasesOf = (context: FilingContext): Nis2Phrases => nis2Phrases(context.labels.language);
const when = (context: FilingContext, iso: string | undefined): string | null => (iso === undefined ? null : showInstant(context, iso));
const yesNo = (value: boolean | undefined, yes: string, no: string): string | null => (value === undefined ? null : value ? yes : no);

function reportLine(context: FilingContext, report: OtherReport): string {
  const phrases = phrasesOf(context);
  const label = report.track === 'nis2' ? phrases.kindName[nis2Stage(report.kind)] : TRACK_CATALOGUE[report.track].label[context.labels.language];
  return phrases.report(label, report.filedAt ? phrases.filedOn(showInstant(context, report.filedAt), report.reference) : phrases.notFiledYet);
}

/** What the CSIRT already has from us: the stages filed before this one. */
function earlierReportsItem(context: FilingContext): FilingItem {
  const filed = (context.input.otherReports ?? []).filter((report) => report.track === 'nis2' && report.status === 'filed');
  return makeItem(context, 'nis2.earlierReports', filed.length > 0 ? filed.map((report) => reportLine(context, report)).join('\n') : phrasesOf(context).noEarlierReports, { required: false });
}

/** The incident is also a personal data breach: the IMY notification, linked by its date and case number. */
function personalDataItem(context: FilingContext): FilingItem {
  const imy = (context.input.otherReports ?? []).filter((report) => report.track === 'gdpr-art33' && report.kind === 'initial');
  const value = imy.length > 0 ? imy.map((report) => reportLine(context, report)).join('\n') : phrasesOf(context).personalDataNotReported;
  return makeItem(context, 'nis2.personalDataBreach', value, { required: false });
}

/** CSL 2 kap. 9–10 §§: whether and how the service's recipients were told. */
function serviceRecipientsItem(context: FilingContext): FilingItem {
  const phrases = phrasesOf(context);
  const task = (context.input.tasks ?? []).find((candidate) => candidate.kind === 'service-recipients' && candidate.status === 'done');
  const data = task?.data as ServiceRecipientsData | undefined;
  const value =
    data === undefined ? null : data.required ? phrases.recipientsInformed(when(context, data.informedAt) ?? '', data.how ?? '') : phrases.recipientsNotInformed(data.reason ?? '');
  return makeItem(context, 'nis2.serviceRecipients', value, { required: false });
}

/** Art. 23(4)(a): the early warning says whether malice is suspected and whether the impact may cross borders. */
function earlyWarningItems(context: FilingContext): FilingItem[] {
  const { facts } = context;
  const phrases = phrasesOf(context);
  return [
    makeItem(context, 'timeline.discoveredAt', showInstant(context, facts.discoveredAt), { required: true }),
    makeItem(context, 'timeline.awareAt', showInstant(context, facts.awareAt), { required: true }),
    makeItem(context, 'timeline.discoveryHow', answer(facts.awarenessNote), { required: false }),
    makeItem(context, 'nis2.ongoing', facts.containedAt === undefined ? phrases.ongoing : phrases.ended(showInstant(context, facts.containedAt)), { required: true }),
    makeItem(context, 'nis2.suspectedMalicious', yesNo(facts.breach?.malicious, phrases.suspectedMalicious, phrases.notMalicious), { required: true }),
    makeItem(context, 'nis2.supplierOrigin', facts.cause === undefined ? null : facts.cause === 'third-party' ? phrases.supplierOrigin : phrases.notSupplierOrigin, { required: false }),
    makeItem(context, 'nis2.crossBorderImpact', yesNo(facts.nis2?.crossBorderImpact, phrases.crossBorder, phrases.noCrossBorder), { required: true }),
    makeItem(context, 'nis2.serviceImpact', answer(facts.nis2?.serviceImpact), { required: true }),
  ];
}

/** Art. 23(4)(b): the notification updates the early warning with a first assessment of severity and impact, and indicators of compromise. */
function notificationImpactItems(context: FilingContext): FilingItem[] {
  const nis2 = context.facts.nis2;
  return [
    makeItem(context, 'nis2.severityAndImpact', answer(nis2?.severityAndImpact), { required: true }),
    makeItem(context, 'nis2.affectedSystems', answer(nis2?.affectedSystems), { required: true }),
    makeItem(context, 'nis2.indicatorsOfCompromise', answer(nis2?.indicatorsOfCompromise), { required: false }),
  ];
}

function incidentTimes(context: FilingContext): FilingItem[] {
  const { facts } = context;
  const began = facts.occurredAt === undefined ? null : typeof facts.occurredAt === 'string' ? facts.occurredAt : facts.occurredAt.from;
  return [
    makeItem(context, 'timeline.occurredAt', when(context, began ?? undefined), { required: true }),
    makeItem(context, 'timeline.ceasedAt', when(context, facts.containedAt), { required: false }),
  ];
}

function sectionsOf(context: FilingContext, stage: Nis2Stage): FilingSection[] {
  const { facts } = context;
  const nis2 = facts.nis2;
  const head = [makeSection(context, 'entity', organisationItems(context).filter((item) => item.id !== 'controller.postalAddress')), makeSection(context, 'contact', contactItems(context))];
  if (stage === 'early-warning') {
    return [...head, makeSection(context, 'incident', [makeItem(context, 'breach.description', answer(facts.summary), { required: true }), ...earlyWarningItems(context)]), makeSection(context, 'other', [personalDataItem(context)])];
  }
  const followUp = makeSection(context, 'followUp', [earlierReportsItem(context)]);
  const description = makeItem(context, 'breach.description', answer(facts.summary), { required: true });
  const incident = makeSection(context, 'incident', [description, ...incidentTimes(context), ...earlyWarningItems(context).filter((item) => item.id !== 'timeline.discoveryHow')]);
  const rootCause = makeItem(context, 'nis2.rootCause', answer(nis2?.rootCause), { required: stage === 'final' });
  const handling = (extra: FilingItem[]) =>
    makeSection(context, 'handling', [
      makeItem(context, 'measures.taken', answer(facts.measures), { required: true }),
      makeItem(context, 'nis2.mitigation', answer(nis2?.mitigation), { required: stage === 'final' }),
      ...extra,
    ]);
  const other = makeSection(context, 'other', [personalDataItem(context), serviceRecipientsItem(context)]);
  switch (stage) {
    case 'notification':
    case 'intermediate':
      return [...head, followUp, incident, makeSection(context, 'impact', [...notificationImpactItems(context), rootCause]), handling([makeItem(context, 'nis2.remainingRisks', answer(nis2?.remainingRisks), { required: false })]), other];
    case 'progress':
      return [
        ...head,
        followUp,
        incident,
        makeSection(context, 'impact', [...notificationImpactItems(context), rootCause]),
        handling([makeItem(context, 'nis2.remainingRisks', answer(nis2?.remainingRisks), { required: false }), makeItem(context, 'nis2.status', phrasesOf(context).stillOngoing, { required: false })]),
        other,
      ];
    case 'final':
      return [
        ...head,
        followUp,
        incident,
        makeSection(context, 'impact', [makeItem(context, 'nis2.severityAndImpact', answer(nis2?.severityAndImpact), { required: true }), rootCause, makeItem(context, 'nis2.affectedSystems', answer(nis2?.affectedSystems), { required: true })]),
        handling([makeItem(context, 'nis2.handledAt', when(context, nis2?.handledAt), { required: true })]),
        other,
      ];
  }
}

function contactItems(context: FilingContext): FilingItem[] {
  const { contact } = context.input.organisation;
  const phone = answer(contact.phone);
  const email = answer(contact.email);
  return [
    makeItem(context, 'contact.name', answer(contact.name), { required: true }),
    makeItem(context, 'contact.phone', phone, { required: email === null }),
    makeItem(context, 'contact.email', email, { required: phone === null }),
    makeItem(context, 'contact.role', answer(contact.role), { required: false }),
  ];
}

/**
 * The `nis2` reports to the CSIRT (MCF), each stage a report of its own with the content NIS2
 * Art. 23(4) asks of it: the early warning (malice suspected? cross-border?), the notification (a
 * first assessment of severity and impact, indicators of compromise), an intermediate report on
 * request, a progress report while the incident is ongoing at a month, and the final report (root
 * cause, mitigation, cross-border impact). MCF's form fields are not confirmed, so the questions
 * are numbered in order.
 */
export const NIS2_REPORT: TrackDocument = {
  formVersion: NIS2_FORM_VERSION,
  voice: 'controller',
  fullReport: (context) => sectionsOf(context, nis2Stage(context.input.kind)),
  followsUp: () => false,
  ownWords: (labels) => nis2Words(labels.language),
  questionNumber: () => undefined,
  mandatoryOnForm: () => false,
  deadlineLabel: (input, labels) => (input.kind === 'intermediate' ? nis2Phrases(labels.language).requestedDeadline : nis2Phrases(labels.language).legalDeadline),
  numberedInOrder: true,
  recipient: (_input, labels) => nis2Phrases(labels.language).recipient,
  title: (kind, labels) => nis2Phrases(labels.language).title[nis2Stage(kind)],
  kindLabel: (kind, labels) => nis2Phrases(labels.language).kindName[nis2Stage(kind)],
};
