import { useState, type FormEvent } from 'react';
import type { OrganisationView, SsoGroupLine } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { useCurrentUser } from '../auth/session.js';
import { ROLES } from '../../rules/domain.js';
import { useOrganisation, useOrganisationUsers, useReplaceSsoGroups, useSsoGroups, useUpdateOrganisation } from './use-organisation.js';

const TEXT_FIELDS = ['name', 'legalName', 'orgNumber', 'postalAddress', 'contactName', 'contactEmail', 'contactPhone', 'contactRole', 'timeZone'] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];

export function OrganisationPage() {
  const { t } = useI18n();
  const organisation = useOrganisation();
  return (
    <>
      <h1>{t.settings.title}</h1>
      <p className="lead">{t.settings.intro}</p>
      <QueryState query={organisation}>{(view) => <SettingsForm organisation={view} />}</QueryState>
      <SsoGroupsSection />
    </>
  );
}

/** Which of the sign-in service's groups give which role: admins change it, the DPO reads it, nobody else sees it. */
function SsoGroupsSection() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const visible = user.role === 'admin' || user.role === 'dpo';
  const mapping = useSsoGroups(visible);
  if (!visible) return null;
  return (
    <section className="panel" aria-labelledby="sso-groups-title">
      <h2 id="sso-groups-title">{t.settings.ssoTitle}</h2>
      <p className="hint">{t.settings.ssoIntro}</p>
      <QueryState query={mapping}>{(view) => (user.role === 'admin' ? <SsoGroupsForm initial={view.groups} /> : <SsoGroupsList groups={view.groups} />)}</QueryState>
    </section>
  );
}

function SsoGroupsList({ groups }: { groups: readonly SsoGroupLine[] }) {
  const { t } = useI18n();
  return (
    <>
      <p className="notice">{t.settings.ssoReadOnly}</p>
      {groups.length === 0 ? (
        <p>{t.settings.ssoNone}</p>
      ) : (
        <dl className="summary-list">
          {groups.map((line) => (
            <div className="summary-list__row" key={line.group}>
              <dt>{line.group}</dt>
              <dd>{t.roles[line.role]}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function SsoGroupsForm({ initial }: { initial: readonly SsoGroupLine[] }) {
  const { t } = useI18n();
  const replace = useReplaceSsoGroups();
  const [lines, setLines] = useState<Array<{ group: string; role: SsoGroupLine['role'] | '' }>>(initial.map((line) => ({ ...line })));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  const change = (index: number, patch: Partial<(typeof lines)[number]>) => setLines((current) => current.map((line, at) => (at === index ? { ...line, ...patch } : line)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const missing = lines.flatMap((line, index): FormError[] => [
      ...(line.group.trim() ? [] : [{ field: `groups[${index}].group`, message: `${t.settings.ssoGroup}: ${t.form.required}` }]),
      ...(line.role ? [] : [{ field: `groups[${index}].role`, message: `${t.settings.ssoRole}: ${t.form.required}` }]),
    ]);
    setErrors(missing);
    if (missing.length) return;
    replace.mutate(
      lines.map((line) => ({ group: line.group.trim(), role: line.role as SsoGroupLine['role'] })),
      {
        onSuccess: (mapping) => {
          setLines(mapping.groups.map((line) => ({ ...line })));
          setSaved(true);
        },
        onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)),
      },
    );
  };

  return (
    <>
      <ErrorSummary errors={errors} knownFields={lines.flatMap((_, index) => [`groups[${index}].group`, `groups[${index}].role`])} />
      {saved && (
        <p className="notice notice--success" role="status">
          {t.form.saved}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {lines.length === 0 && <p>{t.settings.ssoNone}</p>}
        {lines.map((line, index) => (
          <fieldset className="fieldset" key={index}>
            <legend className="visually-hidden">{`${t.settings.ssoGroup} ${index + 1}`}</legend>
            <TextField name={`groups[${index}].group`} label={t.settings.ssoGroup} hint={index === 0 ? t.settings.ssoGroupHint : undefined} value={line.group} onChange={(group) => change(index, { group })} error={errorFor(errors, `groups[${index}].group`)} />
            <SelectField
              name={`groups[${index}].role`}
              label={t.settings.ssoRole}
              value={line.role}
              placeholder=""
              options={ROLES.map((role) => ({ value: role, label: t.roles[role] }))}
              onChange={(role) => change(index, { role })}
              error={errorFor(errors, `groups[${index}].role`)}
            />
            <button type="button" className="button button--secondary" onClick={() => setLines((current) => current.filter((_, at) => at !== index))}>
              {t.settings.ssoRemove(line.group)}
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" className="button button--secondary" onClick={() => setLines((current) => [...current, { group: '', role: '' }])}>
            {t.settings.ssoAdd}
          </button>
        </p>
        <button type="submit" className="button" disabled={replace.isPending}>
          {replace.isPending ? t.form.sending : t.settings.ssoSave}
        </button>
      </form>
    </>
  );
}

/** The controller's details and clock settings; admins and the DPO may change them, everyone else reads them. */
function SettingsForm({ organisation }: { organisation: OrganisationView }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const update = useUpdateOrganisation();
  const editable = user.role === 'admin' || user.role === 'dpo';
  const initialText = Object.fromEntries(TEXT_FIELDS.map((key) => [key, organisation[key] ?? ''])) as Record<TextFieldName, string>;
  const initialFractions = organisation.reminderFractions.map((fraction) => String(Math.round(fraction * 100))).join(', ');
  const [text, setText] = useState(initialText);
  const [fractions, setFractions] = useState(initialFractions);
  const [processorHours, setProcessorHours] = useState(String(organisation.processorNoticeHours));
  const [reporters, setReporters] = useState<string[]>(organisation.lexMariaReporters);
  const [reportDays, setReportDays] = useState(String(organisation.lexMariaReportDays));
  const [investigationDays, setInvestigationDays] = useState(String(organisation.lexMariaInvestigationDays));
  const users = useOrganisationUsers(editable);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);

  if (!editable) {
    return (
      <>
        <p className="notice">{t.settings.readOnly}</p>
        <dl className="summary-list">
          {TEXT_FIELDS.map((key) => (
            <div className="summary-list__row" key={key}>
              <dt>{t.settings[key]}</dt>
              <dd>{organisation[key] ?? '–'}</dd>
            </div>
          ))}
          <div className="summary-list__row">
            <dt>{t.settings.reminderFractions}</dt>
            <dd>{initialFractions}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.settings.lexMariaReportDays}</dt>
            <dd>{organisation.lexMariaReportDays}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.settings.lexMariaInvestigationDays}</dt>
            <dd>{organisation.lexMariaInvestigationDays}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.settings.lexMariaReporters}</dt>
            <dd>{organisation.lexMariaReporters.includes(user.id) ? t.settings.youAreReporter : t.settings.reporterCount(organisation.lexMariaReporters.length)}</dd>
          </div>
        </dl>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const change: Record<string, unknown> = {};
    for (const key of TEXT_FIELDS) {
      if (text[key] !== initialText[key]) change[key] = text[key].trim() || (key === 'name' || key === 'timeZone' ? text[key] : null);
    }
    if (fractions !== initialFractions) change.reminderFractions = fractions.split(',').map((part) => Number(part.trim()) / 100);
    if (processorHours !== String(organisation.processorNoticeHours)) change.processorNoticeHours = Number(processorHours);
    if ([...reporters].sort().join() !== [...organisation.lexMariaReporters].sort().join()) change.lexMariaReporters = reporters;
    if (reportDays !== String(organisation.lexMariaReportDays)) change.lexMariaReportDays = Number(reportDays);
    if (investigationDays !== String(organisation.lexMariaInvestigationDays)) change.lexMariaInvestigationDays = Number(investigationDays);
    if (Object.keys(change).length === 0) return;
    update.mutate(change, {
      onSuccess: () => {
        setErrors([]);
        setSaved(true);
      },
      onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)),
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} knownFields={[...TEXT_FIELDS, 'reminderFractions', 'processorNoticeHours', 'lexMariaReporters', 'lexMariaReportDays', 'lexMariaInvestigationDays']} />
      {saved && (
        <p className="notice notice--success" role="status">
          {t.form.saved}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {TEXT_FIELDS.map((key) => (
          <TextField
            key={key}
            name={key}
            type={key === 'contactEmail' ? 'email' : 'text'}
            label={t.settings[key]}
            hint={key === 'orgNumber' ? t.settings.orgNumberHint : undefined}
            value={text[key]}
            onChange={(value) => setText((current) => ({ ...current, [key]: value }))}
            error={errorFor(errors, key)}
          />
        ))}
        <TextField name="reminderFractions" label={t.settings.reminderFractions} hint={t.settings.reminderFractionsHint} value={fractions} onChange={setFractions} error={errorFor(errors, 'reminderFractions')} />
        <TextField name="processorNoticeHours" inputMode="numeric" width="short" label={t.settings.processorNoticeHours} value={processorHours} onChange={setProcessorHours} error={errorFor(errors, 'processorNoticeHours')} />
        <fieldset className="fieldset panel" aria-describedby="lex-maria-settings-intro">
          <legend className="legend">
            <h2 className="legend__heading">{t.settings.lexMariaTitle}</h2>
          </legend>
          <p className="hint" id="lex-maria-settings-intro">
            {t.settings.lexMariaIntro}
          </p>
          {users.isError ? (
            <p className="notice notice--error" role="alert">
              {t.app.loadFailed}
            </p>
          ) : users.data ? (
            <CheckboxGroup
              name="lexMariaReporters"
              optional
              label={t.settings.lexMariaReporters}
              hint={t.settings.lexMariaReportersHint}
              values={reporters}
              options={users.data.items.map((person) => ({ value: person.id, label: `${person.displayName} (${t.roles[person.role]})` }))}
              onChange={setReporters}
              error={errorFor(errors, 'lexMariaReporters')}
            />
          ) : (
            <p role="status">{t.app.loading}</p>
          )}
          <TextField name="lexMariaReportDays" inputMode="numeric" width="short" label={t.settings.lexMariaReportDays} hint={t.settings.lexMariaReportDaysHint} value={reportDays} onChange={setReportDays} error={errorFor(errors, 'lexMariaReportDays')} />
          <TextField
            name="lexMariaInvestigationDays"
            inputMode="numeric"
            width="short"
            label={t.settings.lexMariaInvestigationDays}
            hint={t.settings.lexMariaInvestigationDaysHint}
            value={investigationDays}
            onChange={setInvestigationDays}
            error={errorFor(errors, 'lexMariaInvestigationDays')}
          />
        </fieldset>
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t.form.sending : t.form.save}
        </button>
      </form>
    </>
  );
}
