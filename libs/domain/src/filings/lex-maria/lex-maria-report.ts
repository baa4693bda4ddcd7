import { TRACK_CATALOGUE } from '../../tracks/catalogue.js';
import type { EventAnalysisData } from '../../tracks/tasks/event-analysis.js';
import type { PatientInformationData } from '../../tracks/tasks/patient-information.js';
import { answer, makeItem, showInstant, type FilingContext } from '../filing-context.js';
import type { FilingItem, FilingSection, TrackTaskSummary } from '../filing-input.js';
import { makeSection, organisationItems } from '../filing-items.js';
import type { TrackDocument } from '../track-document.js';
import { IVO_LEX_MARIA_FIELDS, IVO_LEX_MARIA_FORM_VERSION } from './ivo-lex-maria-form.js';
import { LEX_MARIA_PHRASES as PHRASES, LEX_MARIA_WORDS } from './lex-maria-words.js';

const tasksOf = (context: FilingContext, kind: TrackTaskSummary['kind']) => (context.input.tasks ?? []).filter((task) => task.kind === kind);
const eventAnalysis = (context: FilingContext) => tasksOf(context, 'event-analysis')[0];
const day = (context: FilingContext, iso: string) => showInstant(context, iso);

/** The reporter: whom the care provider designated, and the contact person for the case. */
function reporterItems(context: FilingContext): FilingItem[] {
  const { contact } = context.input.organisation;
  const reporters = context.input.designatedReporters ?? [];
  return [
    makeItem(context, 'lexMaria.reporters', reporters.length > 0 ? reporters.join(', ') : null, { required: true }),
    makeItem(context, 'contact.name', answer(contact.name), { required: false }),
    makeItem(context, 'contact.role', answer(contact.role), { required: false }),
    makeItem(context, 'contact.phone', answer(contact.phone), { required: false }),
    makeItem(context, 'contact.email', answer(contact.email), { required: false }),
  ];
}

function eventItems(context: FilingContext): FilingItem[] {
  const { facts } = context;
  const occurred =
    facts.occurredAt === undefined ? null : typeof facts.occurredAt === 'string' ? day(context, facts.occurredAt) : context.labels.phrases.between(day(context, facts.occurredAt.from), day(context, facts.occurredAt.to));
  return [
    makeItem(context, 'timeline.occurredAt', occurred, { required: true }),
    makeItem(context, 'timeline.discoveredAt', day(context, facts.discoveredAt), { required: true }),
    makeItem(context, 'lexMaria.eventDescription', answer(facts.summary), { required: true }),
  ];
}

function careInjuryItems(context: FilingContext): FilingItem[] {
  const screening = context.input.screening;
  const injury = screening?.track === 'lex-maria' && screening.seriousCareInjury !== 'neither' ? PHRASES.seriousCareInjury[screening.seriousCareInjury] : null;
  return [
    makeItem(context, 'lexMaria.seriousCareInjury', injury, { required: true }),
    makeItem(context, 'lexMaria.patientConsequences', answer(context.facts.patientConsequences), { required: true }),
  ];
}

/** The other reports made about the incident (the IMY notification, NIS2), each with its state and case number. */
function otherReportsItem(context: FilingContext): FilingItem {
  const reports = (context.input.otherReports ?? []).filter((report) => report.track !== context.input.track);
  const lines = reports.map((report) =>
    PHRASES.otherReport(TRACK_CATALOGUE[report.track].label.sv, report.filedAt ? PHRASES.filedOn(day(context, report.filedAt), report.reference) : PHRASES.notFiledYet),
  );
  return makeItem(context, 'lexMaria.otherReports', lines.length > 0 ? lines.join('\n') : PHRASES.noOtherReports, { required: false });
}

/** PSL 3 kap. 8 §: one line per patient group; nothing recorded yet is a gap. */
function patientInformationItem(context: FilingContext): FilingItem {
  const groups = tasksOf(context, 'patient-information').map((task) =>
    PHRASES.patientGroup(task.data as PatientInformationData, task.status === 'done' && (task.data as PatientInformationData).informedAt ? day(context, (task.data as PatientInformationData).informedAt!) : undefined),
  );
  return makeItem(context, 'lexMaria.patientInformation', groups.length > 0 ? groups.join('\n') : null, { required: true });
}

function investigationItem(context: FilingContext): FilingItem {
  const analysis = eventAnalysis(context);
  const value =
    analysis?.status === 'done' && analysis.completedAt
      ? PHRASES.investigationDone(day(context, analysis.completedAt))
      : analysis !== undefined || context.input.supplementsToFollow !== undefined
        ? PHRASES.investigationFollows(analysis?.dueAt ? day(context, analysis.dueAt) : undefined, answer(context.input.supplementsToFollow) ?? undefined)
        : null;
  return makeItem(context, 'lexMaria.investigation', value, { required: true });
}

function plannedMeasuresItem(context: FilingContext): FilingItem {
  const measures = (eventAnalysis(context)?.data as EventAnalysisData | undefined)?.measures ?? [];
  const lines = measures.map((measure) => PHRASES.measure(measure.description, measure.owner, measure.dueDate, measure.done === true));
  return makeItem(context, 'lexMaria.plannedMeasures', lines.length > 0 ? lines.join('\n') : null, { required: false });
}

function reportSections(context: FilingContext): FilingSection[] {
  return [
    makeSection(context, 'controller', organisationItems(context)),
    makeSection(context, 'careUnit', [makeItem(context, 'lexMaria.careUnit', answer(context.facts.careUnit), { required: true })]),
    makeSection(context, 'reporter', reporterItems(context)),
    makeSection(context, 'patient', [makeItem(context, 'lexMaria.patientIdentity', PHRASES.patientIdentityElsewhere, { required: false })]),
    makeSection(context, 'event', eventItems(context)),
    makeSection(context, 'careInjury', careInjuryItems(context)),
    makeSection(context, 'otherReports', [otherReportsItem(context)]),
    makeSection(context, 'patientInformation', [patientInformationItem(context)]),
    makeSection(context, 'investigation', [investigationItem(context)]),
    makeSection(context, 'measures', [makeItem(context, 'measures.taken', answer(context.facts.measures), { required: true }), plannedMeasuresItem(context)]),
  ];
}

/**
 * The supplement IVO expects after a report: the investigation (händelseanalys), sent "snarast
 * därefter", with the measures and their timetable and how the patients were informed.
 */
function investigationSupplement(context: FilingContext): FilingSection[] {
  const previous = context.input.previous;
  if (previous === undefined) throw new Error('a Lex Maria supplement needs input.previous, the report it completes');
  const data = (eventAnalysis(context)?.data as EventAnalysisData | undefined) ?? { measures: [] };
  const analysisItem = (id: Parameters<typeof makeItem>[1], text: string | undefined, required: boolean) => makeItem(context, id, answer(text), { required });
  const sections = [
    makeSection(context, 'followUp', [
      makeItem(context, 'followUp.authorityReference', answer(previous.reference), { required: false }),
      makeItem(context, 'followUp.firstFiledAt', day(context, previous.filedAt), { required: true }),
      ...organisationItems(context).filter((item) => item.id === 'controller.name' || item.id === 'controller.reference'),
      makeItem(context, 'lexMaria.careUnit', answer(context.facts.careUnit), { required: true }),
    ]),
    makeSection(context, 'investigation', [
      analysisItem('lexMaria.analysisMethod', data.method, false),
      analysisItem('lexMaria.courseOfEvents', data.courseOfEvents, true),
      analysisItem('lexMaria.harm', data.harm, true),
      analysisItem('lexMaria.causes', data.causes, true),
      analysisItem('lexMaria.recurrence', data.recurrence, false),
      analysisItem('lexMaria.patientAccount', data.patientAccount, false),
      analysisItem('lexMaria.investigators', data.investigators, true),
    ]),
    makeSection(context, 'measures', [plannedMeasuresItem(context), analysisItem('lexMaria.followUp', data.followUp, false)]),
    makeSection(context, 'patientInformation', [patientInformationItem(context)]),
  ];
  if (!context.input.completesReport) return sections;
  return [...sections, makeSection(context, 'other', [makeItem(context, 'followUp.completes', PHRASES.completes, { required: false })])];
}

/** Marks each answer whose place on IVO's form is not confirmed. */
function markUnconfirmed(sections: FilingSection[]): FilingSection[] {
  return sections.map((section) => ({
    ...section,
    items: section.items.map((item) => {
      const field = IVO_LEX_MARIA_FIELDS[item.id as keyof typeof IVO_LEX_MARIA_FIELDS];
      return field && !field.confirmed ? { ...item, note: PHRASES.unconfirmedOnForm(field.part) } : item;
    }),
  }));
}

/**
 * The `lex-maria` report to IVO (PSL 3 kap. 5 §), in Swedish, in the order of IVO's form as far as
 * it is known. It never carries a patient's identity: that goes into IVO's e-service or onto the
 * printed form directly.
 */
export const LEX_MARIA_REPORT: TrackDocument = {
  formVersion: IVO_LEX_MARIA_FORM_VERSION,
  voice: 'controller',
  fullReport: (context) => markUnconfirmed(context.input.kind === 'supplement' ? investigationSupplement(context) : reportSections(context)),
  // A supplement carries the investigation, not a comparison of facts versions.
  followsUp: () => false,
  ownWords: () => LEX_MARIA_WORDS,
  questionNumber: () => undefined,
  mandatoryOnForm: () => false,
  deadlineLabel: (input) => (input.kind === 'initial' ? PHRASES.deadline : PHRASES.supplementDeadline),
  numberedInOrder: false,
  recipient: () => PHRASES.authorityName,
  title: (kind) => (kind === 'supplement' ? PHRASES.title.supplement : PHRASES.title.initial),
  kindLabel: (kind) => (kind === 'supplement' ? PHRASES.kindName.supplement : PHRASES.kindName.initial),
};
