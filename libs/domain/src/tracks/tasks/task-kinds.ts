import type { Refusal } from '../../failures.js';
import type { Text, TrackKind, TrackWindow } from '../catalogue.js';
import { eventAnalysisSchema, refuseEventAnalysisDone, type EventAnalysisData } from './event-analysis.js';
import { patientInformationSchema, refusePatientInformationDone, type PatientInformationData } from './patient-information.js';
import { refuseServiceRecipientsDone, serviceRecipientsSchema, type ServiceRecipientsData } from './service-recipients.js';

export const TASK_KINDS = ['event-analysis', 'patient-information', 'service-recipients'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskData = EventAnalysisData | PatientInformationData | ServiceRecipientsData;

interface TaskKindDefinition {
  track: TrackKind;
  title: Text;
  /** The track opens one such task itself when it becomes owed; otherwise a person adds them (one per patient group). */
  openedWithTrack: boolean;
  /** The task's own target clock, counted from when the track is screened in. */
  target?: TrackWindow;
  schema: object;
  initial: TaskData;
  refuseDone(data: TaskData): Refusal | undefined;
}

/** The work a screened track asks for besides its reports, each with what makes it done. */
export const TASK_CATALOGUE: Readonly<Record<TaskKind, TaskKindDefinition>> = {
  'event-analysis': {
    track: 'lex-maria',
    title: { sv: 'Händelseanalys (PSL 3 kap. 3 §)', en: 'Event analysis (Patient Safety Act 3:3)' },
    openedWithTrack: true,
    // The analysis goes to IVO with the report or "snarast därefter": the organisation's target.
    target: { basis: 'organisation-target', setting: 'lexMariaInvestigationDays', unit: 'days', default: 42 },
    schema: eventAnalysisSchema,
    initial: { measures: [] } satisfies EventAnalysisData,
    refuseDone: (data) => refuseEventAnalysisDone(data as EventAnalysisData),
  },
  'patient-information': {
    track: 'lex-maria',
    title: { sv: 'Information till patienter (PSL 3 kap. 8 §)', en: 'Informing the patients (Patient Safety Act 3:8)' },
    openedWithTrack: false,
    schema: patientInformationSchema,
    initial: { group: '', items: {} } satisfies PatientInformationData,
    refuseDone: (data) => refusePatientInformationDone(data as PatientInformationData),
  },
  'service-recipients': {
    track: 'nis2',
    title: { sv: 'Information till tjänstens mottagare (CSL 2 kap. 9–10 §§)', en: "Informing the service's recipients (Cybersecurity Act 2:9–10)" },
    openedWithTrack: true,
    schema: serviceRecipientsSchema,
    initial: {} satisfies ServiceRecipientsData,
    refuseDone: (data) => refuseServiceRecipientsDone(data as ServiceRecipientsData),
  },
};

export const isTaskKind = (value: string): value is TaskKind => (TASK_KINDS as readonly string[]).includes(value);

/** The tasks a track opens when it becomes owed. */
export const tasksOpenedWith = (track: TrackKind): TaskKind[] => TASK_KINDS.filter((kind) => TASK_CATALOGUE[kind].track === track && TASK_CATALOGUE[kind].openedWithTrack);
