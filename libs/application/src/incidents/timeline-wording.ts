import { TRACK_CATALOGUE, type Text, type TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { clockName } from '../../../domain/src/tracks/clock-names.js';

const both = (sv: string, en: string): Text => ({ sv, en });

/** What happened, in a sentence per language, for each audited action; unknown actions read as their code. */
export function describeAction(action: string, detail: Readonly<Record<string, unknown>>, track: TrackKind | null): Text {
  const on = (text: Text): Text => (track ? { sv: `${text.sv} (${TRACK_CATALOGUE[track].label.sv})`, en: `${text.en} (${TRACK_CATALOGUE[track].label.en})` } : text);
  const clock = typeof detail.clock === 'string' ? clockName(detail.clock) : null;
  switch (action) {
    case 'incident.created':
      return both('Incidenten registrerades', 'The incident was recorded');
    case 'incident.facts-recorded':
      return both(`Uppgifterna ändrades (version ${String(detail.version ?? '')})`, `The facts were changed (version ${String(detail.version ?? '')})`);
    case 'risk.assessed':
      return both('Risken bedömdes', 'The risk was assessed');
    case 'risk.overridden':
      return both('Riskbedömningen ändrades av en beslutsfattare', 'An approver overrode the risk outcome');
    case 'clock.started':
      return both(`Klockan startade: ${clock?.sv}`, `Clock started: ${clock?.en}`);
    case 'clock.moved':
      return both(`Tidsfristen flyttades: ${clock?.sv}`, `Deadline moved: ${clock?.en}`);
    case 'clock.reminder-fired':
      return both(`Påminnelse: ${clock?.sv}`, `Reminder: ${clock?.en}`);
    case 'filing.drafted':
      return on(both('Utkast upprättades', 'A draft was made'));
    case 'filing.re-rendered':
      return on(both('Utkastet uppdaterades', 'The draft was updated'));
    case 'filing.submitted':
      return on(both('Skickades för godkännande', 'Submitted for approval'));
    case 'filing.approved':
      return on(both('Godkändes', 'Approved'));
    case 'filing.rejected':
      return on(both('Skickades tillbaka', 'Sent back'));
    case 'filing.filed':
      return on(both('Lämnades in', 'Filed'));
    case 'filing.reference-recorded':
      return on(both('Mottagarens diarienummer registrerades', "The recipient's case number was recorded"));
    case 'track.not-required':
      return on(both('Beslut: krävs inte', 'Decided: not required'));
    case 'track.not-required-proposed':
      return on(both('Förslag: krävs inte (väntar på ett andra godkännande)', 'Proposed: not required (awaiting a second approval)'));
    case 'track.not-required-approved':
      return on(both('Förslaget att det inte krävs godkändes', 'The proposal that it is not required was approved'));
    case 'track.not-required-rejected':
      return on(both('Förslaget att det inte krävs avslogs', 'The proposal that it is not required was rejected'));
    case 'risk.lowering-proposed':
      return both('Förslag: sänk riskbedömningen (väntar på ett andra godkännande)', 'Proposed: lower the risk outcome (awaiting a second approval)');
    case 'risk.lowering-approved':
      return both('Den sänkta riskbedömningen godkändes', 'The lower risk outcome was approved');
    case 'risk.lowering-rejected':
      return both('Förslaget att sänka riskbedömningen avslogs', 'The proposal to lower the risk outcome was rejected');
    case 'track.screened-in':
      return on(both('Bedömning: ska rapporteras', 'Screened in: a report is owed'));
    case 'track.screened-out':
      return on(both('Bedömning: ska inte rapporteras', 'Screened out: no report is owed'));
    case 'track.intermediate-requested':
      return on(both('CSIRT-enheten begärde en delrapport', 'The CSIRT asked for an intermediate report'));
    case 'track.handled':
      return on(both('Incidenten är hanterad', 'The incident was handled'));
    case 'track.reminder':
    case 'track.supplement-reminder':
      return on(both('Påminnelse skickades', 'Reminder sent'));
    case 'track.escalation':
      return on(both('Eskalering skickades', 'Escalation sent'));
    case 'track.overdue':
      return on(both('Försenad: påminnelse skickades', 'Overdue: reminder sent'));
    case 'task.created':
      return both('En uppgift lades till', 'A task was added');
    case 'task.updated':
      return both('En uppgift uppdaterades', 'A task was updated');
    case 'task.completed':
      return both('En uppgift blev klar', 'A task was completed');
    case 'incident.closed':
      return both('Incidenten avslutades', 'The incident was closed');
    case 'incident.reopened':
      return both(`Incidenten öppnades igen: ${String(detail.reason ?? '')}`, `The incident was reopened: ${String(detail.reason ?? '')}`);
    default:
      return both(action, action);
  }
}
