import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { SentPasswordLink, UserAccountView } from '../../api/response-bodies.js';
import { Confirmable } from '../../components/Confirmable.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextField } from '../../components/fields.js';
import { errorFor, fieldId, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n, type Language } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { ROLES, type Role } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useChangeUser, useInviteUser, useSendNewLink, useUsers, type AccountChange, type Invitation } from './use-users.js';

const INVITATION_FIELDS = ['email', 'displayName', 'role', 'language'] as const;
const isInvitationField = (field: string): field is (typeof INVITATION_FIELDS)[number] => (INVITATION_FIELDS as readonly string[]).includes(field);

/** A person's row names its own fields, so the summary links to that row's control and not the invitation's. */
const rowField = (userId: string, field: string) => `user-${userId}-${field}`;

/** What was done last, said once in words (a one-time link is never shown: it goes to the person alone). */
type Outcome =
  | { kind: 'invited'; name: string; email: string; expiresAt: string }
  | { kind: 'link-sent'; name: string; email: string; purpose: SentPasswordLink['link']['purpose']; expiresAt: string }
  | { kind: 'role-changed'; name: string; role: Role }
  | { kind: 'deactivated' | 'reactivated'; name: string };

/**
 * The organisation's people, for its admins: who they are, their role and whether they are active;
 * an invitation (the API e-mails the person a one-time link, 24 hours, to choose a password); a new
 * link for someone whose invitation went unused or who needs a new password; a new role,
 * deactivation and reactivation; each step on a person confirmed first. Every refusal of the API is shown in
 * the one error summary at the top, linked to the control it is about.
 */
export function UsersPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  if (user.role !== 'admin') {
    return (
      <>
        <h1>{t.users.title}</h1>
        <p className="notice">{t.users.adminsOnly}</p>
      </>
    );
  }
  return <UserAdministration />;
}

function UserAdministration() {
  const { t } = useI18n();
  const users = useUsers();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  const rowFields = (users.data ?? []).flatMap((person) => [rowField(person.id, 'role'), rowField(person.id, 'active'), rowField(person.id, 'link')]);
  const report = (next: Outcome) => {
    setErrors([]);
    setOutcome(next);
  };
  const refuse = (problems: FormError[]) => {
    setOutcome(undefined);
    setErrors(problems);
  };
  return (
    <>
      <h1>{t.users.title}</h1>
      <p className="lead">{t.users.intro}</p>
      <ErrorSummary errors={errors} knownFields={[...INVITATION_FIELDS, ...rowFields]} />
      {outcome && <OutcomeNotice outcome={outcome} />}
      <InvitationForm errors={errors} onInvited={report} onRefused={refuse} />
      <section aria-labelledby="people">
        <h2 id="people">{t.users.listTitle}</h2>
        <QueryState query={users}>{(people) => <PeopleTable people={people} errors={errors} onChanged={report} onRefused={refuse} />}</QueryState>
      </section>
    </>
  );
}

function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const u = t.users;
  return (
    <div className="notice notice--success" role="status">
      {outcome.kind === 'invited' || outcome.kind === 'link-sent' ? (
        <>
          <p>{outcome.kind === 'invited' ? u.invited(outcome.name, outcome.email) : outcome.purpose === 'password-reset' ? u.resetLinkSent(outcome.name, outcome.email) : u.invitationSentAgain(outcome.name, outcome.email)}</p>
          <p>{u.linkExplained(formatInstant(outcome.expiresAt, language, timeZone))}</p>
        </>
      ) : (
        <p>{outcome.kind === 'role-changed' ? u.roleChanged(outcome.name, t.roles[outcome.role]) : outcome.kind === 'deactivated' ? u.deactivated(outcome.name) : u.reactivated(outcome.name)}</p>
      )}
    </div>
  );
}

function InvitationForm({ errors, onInvited, onRefused }: { errors: FormError[]; onInvited: (outcome: Outcome) => void; onRefused: (errors: FormError[]) => void }) {
  const { t, language: uiLanguage } = useI18n();
  const u = t.users;
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  // The invitee's language is not known; the admin's own is the likeliest guess, and can be changed.
  const [language, setLanguage] = useState<Language>(uiLanguage);
  // The API's messages name no field ("is required"): the summary says which.
  const labels: Record<(typeof INVITATION_FIELDS)[number], string> = { email: u.email, displayName: u.displayName, role: u.role, language: u.language };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Without a role chosen the API is asked anyway, so every missing or wrong field is named at once.
    const invitation = { email: email.trim(), displayName: displayName.trim(), language, ...(role ? { role } : {}) } as Invitation;
    invite.mutate(
      invitation,
      {
        onSuccess: ({ user, invitation }) => {
          setEmail('');
          setDisplayName('');
          setRole('');
          onInvited({ kind: 'invited', name: user.displayName, email: user.email, expiresAt: invitation.expiresAt });
        },
        onError: (error) => onRefused(formErrorsOf(error, t.app.loadFailed).map((problem) => (problem.field && isInvitationField(problem.field) ? { ...problem, message: `${labels[problem.field]}: ${problem.message}` } : problem))),
      },
    );
  };

  return (
    <section aria-labelledby="invite" className="panel">
      <h2 id="invite">{u.inviteTitle}</h2>
      <p>{u.inviteIntro}</p>
      <form onSubmit={submit} noValidate>
        <TextField name="email" type="email" autoComplete="off" label={u.email} value={email} onChange={setEmail} error={errorFor(errors, 'email')} />
        <TextField name="displayName" autoComplete="off" label={u.displayName} hint={u.displayNameHint} value={displayName} onChange={setDisplayName} error={errorFor(errors, 'displayName')} />
        <SelectField name="role" label={u.role} placeholder={u.chooseRole} value={role} options={ROLES.map((value) => ({ value, label: t.roles[value] }))} onChange={setRole} error={errorFor(errors, 'role')} />
        <SelectField
          name="language"
          label={u.language}
          value={language}
          options={(['sv', 'en'] as const).map((value) => ({ value, label: t.app.languageName[value] }))}
          onChange={setLanguage}
          error={errorFor(errors, 'language')}
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending ? t.form.sending : u.invite}
        </button>
      </form>
    </section>
  );
}

function PeopleTable({ people, errors, onChanged, onRefused }: { people: UserAccountView[]; errors: FormError[]; onChanged: (outcome: Outcome) => void; onRefused: (errors: FormError[]) => void }) {
  const { t, language } = useI18n();
  const u = t.users;
  const me = useCurrentUser();
  const change = useChangeUser();
  const newLink = useSendNewLink();
  const apply = (person: UserAccountView, body: AccountChange, outcome: Outcome) =>
    change.mutate(
      { id: person.id, change: body },
      {
        onSuccess: () => onChanged(outcome),
        // The API names `role` or `active`: shown at this person's control, and in the summary with their name.
        onError: (error) => onRefused(formErrorsOf(error, t.app.loadFailed).map((problem) => ({ field: rowField(person.id, problem.field ?? (body.role ? 'role' : 'active')), message: `${person.displayName}: ${problem.message}` }))),
      },
    );
  // In the admin's language, as the invitation's is by default: the person's own is not known.
  const sendLink = (person: UserAccountView) =>
    newLink.mutate(
      { id: person.id, request: { language } },
      {
        onSuccess: ({ link }) => onChanged({ kind: 'link-sent', name: person.displayName, email: person.email, purpose: link.purpose, expiresAt: link.expiresAt }),
        // Said at this person's button and in the summary: a double click's second request in the page's
        // language (nothing was sent), any other refusal (deactivated meanwhile: 409) in the API's words.
        onError: (error) =>
          onRefused(
            error instanceof ApiError && error.status === 429
              ? [{ field: rowField(person.id, 'link'), message: u.newLinkTooSoon(person.displayName) }]
              : formErrorsOf(error, t.app.loadFailed).map((problem) => ({ field: rowField(person.id, 'link'), message: `${person.displayName}: ${problem.message}` })),
          ),
      },
    );
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{u.listTitle}</caption>
        <thead>
          <tr>
            {(['name', 'email', 'status', 'role', 'access'] as const).map((column) => (
              <th key={column} scope="col">
                {u.columns[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {/* Keyed by the role too: a row's role choice starts again from the role the API answered. */}
          {people.map((person) => (
            <PersonRow key={`${person.id}-${person.role}`} person={person} isMe={person.id === me.id} busy={change.isPending || newLink.isPending} errors={errors} apply={apply} sendLink={sendLink} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PersonRow({
  person,
  isMe,
  busy,
  errors,
  apply,
  sendLink,
}: {
  person: UserAccountView;
  isMe: boolean;
  busy: boolean;
  errors: FormError[];
  apply: (person: UserAccountView, body: AccountChange, outcome: Outcome) => void;
  sendLink: (person: UserAccountView) => void;
}) {
  const { t } = useI18n();
  const u = t.users;
  const [role, setRole] = useState<Role>(person.role);
  const roleField = rowField(person.id, 'role');
  const activeField = rowField(person.id, 'active');
  const roleError = errorFor(errors, roleField);
  const activeError = errorFor(errors, activeField);
  const linkField = rowField(person.id, 'link');
  const linkError = errorFor(errors, linkField);
  const name = person.displayName;
  return (
    <tr data-user={person.email}>
      <th scope="row">
        {name} {isMe && <span className="hint">{u.you}</span>}
      </th>
      <td>{person.email}</td>
      <td>
        {person.active ? u.active : u.inactive}
        {/* An account of single sign-on has no password to choose: no invitation is outstanding. */}
        {(person.singleSignOn || !person.passwordSet) && (
          <>
            <br />
            <span className="hint">{person.singleSignOn ? u.signsInWithSso : u.invitationPending}</span>
          </>
        )}
      </td>
      <td>
        <div className={`field${roleError ? ' field--error' : ''}`}>
          <label className="visually-hidden" htmlFor={fieldId(roleField)}>
            {u.roleFor(name)}
          </label>
          {roleError && (
            <p className="field-error" id={`${fieldId(roleField)}-error`}>
              {roleError}
            </p>
          )}
          <select id={fieldId(roleField)} className="input" value={role} aria-describedby={roleError ? `${fieldId(roleField)}-error` : undefined} aria-invalid={roleError ? true : undefined} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t.roles[value]}
              </option>
            ))}
          </select>
        </div>
        {role !== person.role && (
          <Confirmable
            label={u.changeRole}
            question={isMe ? u.changeOwnRoleQuestion(t.roles[role]) : u.changeRoleQuestion(name, t.roles[role])}
            yes={u.changeRoleYes}
            no={u.notNow}
            disabled={busy}
            onYes={() => apply(person, { role }, { kind: 'role-changed', name, role })}
          />
        )}
      </td>
      <td>
        <div className={`field${activeError ? ' field--error' : ''}`} id={fieldId(activeField)} tabIndex={-1}>
          {activeError && <p className="field-error">{activeError}</p>}
          {person.active ? (
            <Confirmable label={u.deactivate} question={isMe ? u.deactivateOwnQuestion : u.deactivateQuestion(name)} yes={u.deactivateYes} no={u.notNow} warning disabled={busy} onYes={() => apply(person, { active: false }, { kind: 'deactivated', name })} />
          ) : (
            <Confirmable label={u.reactivate} question={u.reactivateQuestion(name)} yes={u.reactivateYes} no={u.notNow} disabled={busy} onYes={() => apply(person, { active: true }, { kind: 'reactivated', name })} />
          )}
        </div>
        {/* A deactivated person is sent nothing: the API refuses it, and reactivating comes first. */}
        {person.active && (
          <div className={`field${linkError ? ' field--error' : ''}`} id={fieldId(linkField)} tabIndex={-1}>
            {linkError && <p className="field-error">{linkError}</p>}
            <Confirmable
              label={u.sendNewLink}
              question={person.passwordSet ? u.sendResetLinkQuestion(name) : u.sendInvitationAgainQuestion(name)}
              yes={u.sendNewLinkYes}
              no={u.notNow}
              disabled={busy}
              onYes={() => sendLink(person)}
            />
          </div>
        )}
      </td>
    </tr>
  );
}
