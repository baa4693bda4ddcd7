/**
 * The authorization matrix: every route the API serves × every caller (each role, and no
 * credentials) × our organisation's objects, another organisation's, a mix of both, ids that do
 * not exist, and malformed ids and bodies. The routes come from Nest's own route table and the
 * expectation of each cell from the route's @Public and @Roles metadata, exactly as the AuthGuard
 * reads them, so a new route is in the matrix the moment it exists, and one whose path takes a
 * kind of id the matrix has no fixture for fails here, naming the route.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { openApiDocument } from '../../apps/api/src/openapi/openapi-document.js';
import { ROLES, type Role } from '../../libs/domain/src/roles.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { eventually } from '../support/eventually.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { recipientCsv } from '../support/recipient-files.js';
import { highRiskFacts } from '../support/risk-facts-examples.js';
import { apiRouteTable, documentedParameter, enumOf, type ApiRoute } from '../support/route-table.js';
import { SystemUnderTest, type HttpResult } from '../support/system-under-test.js';

const HOUR = 3_600_000;
// A row holds up to ~30 calls; a permitted step may wait for a workflow update.
jest.setTimeout(60_000);

type Caller = Role | 'anonymous';

/** Everything one organisation holds that a route's path can name, made through the API as its people would. */
interface OrganisationFixtures {
  seeded: SeededOrganisation;
  tokens: Record<Role, string>;
  incidentId: string;
  filingId: string;
  noticeId: string;
  taskId: string;
  exceptionId: string;
  decisionId: string;
  spareUserId: string;
  notificationId: string;
  publicNoticeSlug: string;
  recipientId: string;
}

/**
 * How each kind of parameter that names an object is filled: a path parameter keyed by the path
 * segment before it and its name (`/api/filings/{id}/submit` → `filings/{id}`), a query parameter
 * documented as a uuid by `?` and its name. A route with a new kind of id needs one line here;
 * until then its row fails. `owned` ids belong to one organisation: the matrix swaps in the other
 * organisation's to look for leaks. `shared` values (a track kind) mean the same everywhere.
 */
type ParameterFixture =
  | { scope: 'owned'; value: (organisation: OrganisationFixtures) => string }
  | { scope: 'shared'; value: (route: ApiRoute, name: string) => string };
const owned = (value: (organisation: OrganisationFixtures) => string): ParameterFixture => ({ scope: 'owned', value });
const shared = (value: (route: ApiRoute, name: string) => string): ParameterFixture => ({ scope: 'shared', value });

const PARAMETER_FIXTURES: Record<string, ParameterFixture> = {
  'incidents/{id}': owned((organisation) => organisation.incidentId),
  'filings/{id}': owned((organisation) => organisation.filingId),
  'notices/{id}': owned((organisation) => organisation.noticeId),
  'tasks/{taskId}': owned((organisation) => organisation.taskId),
  'exception/{exceptionId}': owned((organisation) => organisation.exceptionId),
  'decisions/{decisionId}': owned((organisation) => organisation.decisionId),
  // A user none of the callers signs in as, so that changing it leaves every caller's session alone.
  'users/{id}': owned((organisation) => organisation.spareUserId),
  'notifications/{id}': owned((organisation) => organisation.notificationId),
  'notices/{slug}': owned((organisation) => organisation.publicNoticeSlug),
  '?recipient': owned((organisation) => organisation.recipientId),
  // The first kind the route documents: every kind is owed on the fixture incident but the processor's notice.
  'tracks/{kind}': shared((route, name) => enumOf(documentedParameter(route, name, 'path'))?.[0] ?? 'gdpr-art33'),
};

/** The parameters that name an object: every path parameter, and query parameters documented as uuids. */
function idParameters(route: ApiRoute): string[] {
  const queryIds = ((route.operation?.parameters ?? []) as Array<{ in: string; name: string; schema?: { format?: string } }>).filter((parameter) => parameter.in === 'query' && parameter.schema?.format === 'uuid');
  return [...route.pathParameters, ...queryIds.map((parameter) => parameter.name)];
}

function fixtureKey(route: ApiRoute, name: string): string {
  if (!route.pathParameters.includes(name)) return `?${name}`;
  const parts = route.path.split('/');
  return `${parts[parts.indexOf(`{${name}}`) - 1]}/{${name}}`;
}

const unfilledParameters = (route: ApiRoute) => idParameters(route).filter((name) => !PARAMETER_FIXTURES[fixtureKey(route, name)]).map((name) => fixtureKey(route, name));

type RequestBody = { json: unknown } | { contentType: string; raw: string };
const json = (value: unknown): RequestBody => ({ json: value });
const REASON = 'Bedömt av dataskyddsombudet efter genomgång av loggarna.';
const NOTICE_CONTENT = {
  nature: 'Ett e-postmeddelande till patienter skickades med alla mottagares adresser synliga.',
  consequences: 'Andra mottagare kan se att du är patient hos oss och kan använda det för bedrägeriförsök.',
  measures: 'Vi har bett mottagarna radera meddelandet och skickar nu varje meddelande till en person i taget.',
  advice: 'Var uppmärksam på meddelanden som påstår sig komma från oss. Vi ber aldrig om lösenord.',
};

const screeningOf = (kind: string | undefined) => ({
  applies: true,
  reason: REASON,
  answers: kind === 'nis2' ? { track: 'nis2', severeDisruptionOrFinancialLoss: true, considerableDamageToOthers: false } : { track: kind, seriousCareInjury: 'could-have-caused' },
});

/**
 * A valid body for each operation that takes one, so that a permitted role reaches the use-case
 * and its lookups (a 400 would stop it before them). An operation with a body missing here is
 * sent `{}`: its rows still check 401 and 403, and fail on the other organisation's ids (400, not
 * 404) until it is added. Values may depend on the path (the track kind).
 */
const BODIES: Record<string, (path: Record<string, string>) => RequestBody> = {
  IncidentsController_create: () => json(newIncidentBody({ title: 'Opened by the authorization matrix' })),
  IncidentsController_correctFacts: () => json({ changes: { awarenessNote: 'Corrected by the authorization matrix.' }, reason: REASON }),
  IncidentAssessmentsController_override: () => json({ outcome: 'high-risk', justification: REASON }),
  IncidentTracksController_screen: ({ kind }) => json(screeningOf(kind)),
  IncidentTracksController_intermediateRequest: () => json({ dueAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString() }),
  IncidentTracksController_handled: () => json({ handledAt: new Date(Date.now() - HOUR).toISOString() }),
  IncidentTracksController_notRequired: () => json({ reason: REASON }),
  IncidentTasksController_create: () => json({ kind: 'patient-information', data: { group: 'Patienter på mottagningen', items: {} } }),
  IncidentTasksController_update: () => json({ data: { measures: [] } }),
  RecipientsController_import: () => ({ contentType: 'text/csv', raw: recipientCsv({ count: 1, domain: 'matrix.example' }) }),
  NoticesController_draft: () => json({ channel: 'email', content: NOTICE_CONTENT }),
  NoticesController_edit: () => json({ content: { advice: NOTICE_CONTENT.advice } }),
  NoticesController_submit: () => json({}),
  NoticesController_approve: () => json({}),
  NoticesController_reject: () => json({ comment: 'Förtydliga vad mottagaren kan göra.' }),
  NoticesController_send: () => json({}),
  IncidentDecisionsController_approve: () => json({}),
  IncidentTracksController_reopen: () => json({ reason: REASON }),
  UsersController_change: () => json({ role: 'viewer' }),
  UsersController_sendNewLink: () => json({ language: 'en' }),
  IncidentDecisionsController_reject: () => json({ comment: 'Skälet räcker inte: spåret ska rapporteras.' }),
  Art34ExceptionsController_propose: () => json({ ground: '34(3)(a)', reason: REASON }),
  Art34ExceptionsController_approve: () => json({}),
  Art34ExceptionsController_reject: () => json({ comment: 'Grunden är inte styrkt.' }),
  FilingsController_draft: () => json({ track: 'gdpr-art33', language: 'sv', kind: 'initial' }),
  FilingsController_render: () => json({}),
  FilingsController_submit: () => json({}),
  FilingsController_approve: () => json({}),
  FilingsController_reject: () => json({ comment: 'Komplettera konsekvenserna.' }),
  FilingsController_record: () => json({ filedAt: new Date().toISOString(), channel: 'imy-e-service' }),
  FilingsController_reference: () => json({ reference: 'DI-2026-0001' }),
  OrganisationController_update: () => json({ contactPhone: '010-000 00 00' }),
  OrganisationController_replaceSsoGroupMapping: () => json({ groups: [{ group: 'matrix-staff', role: 'viewer' }] }),
  RiskController_assess: () => json(highRiskFacts),
};

/** A column of the matrix: which objects the path names. */
type Variant = { name: 'own' } | { name: 'other organisation' | 'unknown id'; only?: string } | { name: 'malformed' };

let ours: OrganisationFixtures;
let theirs: OrganisationFixtures;
/** A word only the other organisation's data carries: it must never reach our callers. */
const canary = `Kanariefagel${randomBytes(4).toString('hex')}`;

// The route table is known only once the application is built: the rows are generated from it.
const system = await SystemUnderTest.start();
const routes = apiRouteTable(system.app, openApiDocument(system.app));
// Reads first; then the steps in the order the router declares them: a step's refusal for a
// business reason (a state another step left) is an acceptable answer, its authorization never changes.
const rows = [...routes.filter((route) => route.method === 'GET'), ...routes.filter((route) => route.method !== 'GET')];

afterAll(async () => {
  await system.stop();
});

beforeAll(async () => {
  [ours, theirs] = await Promise.all([organisationFixtures('Region Matrix Norr', 'Region Matrix Norr'), organisationFixtures('Region Matrix Syd', canary)]);
}, 120_000);

async function organisationFixtures(name: string, marker: string): Promise<OrganisationFixtures> {
  const seeded = await system.organisation(name);
  const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await system.login(seeded, role)] as const))) as Record<Role, string>;
  const api = async (role: Role, method: string, path: string, body?: unknown, expected?: number) => {
    const result = await system.request(method, path, { token: tokens[role], body });
    if (expected !== undefined && result.status !== expected) throw new Error(`fixture step ${method} ${path} as ${role}: ${result.status} ${JSON.stringify(result.body)}`);
    return result;
  };

  await api('dpo', 'PATCH', '/api/organisation', {
    legalName: `${marker} AB`,
    contactName: 'Dataskyddsombudet',
    contactEmail: 'dso@matrix.example',
    contactPhone: '010-000 00 00',
    // The responder and the approver are designated Lex Maria reporters: then the track's own rule
    // admits every role the routes admit, and any 403 to a permitted role is the guard's.
    lexMariaReporters: [seeded.users.responder.id, seeded.users.approver.id],
  }, 200);

  // High risk (Art. 33 and Art. 34 owed), a care provider (Lex Maria) and an essential entity (NIS2);
  // aware 66 hours ago, so the IMY clock starts past 90 % and reminds at once (a notification).
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
  const incident = await api('responder', 'POST', '/api/incidents', {
    ...narrative,
    ...highRiskFacts,
    title: `${marker}: e-post med synliga mottagare`,
    summary: `${marker}: ett utskick till patienter visade alla mottagares adresser.`,
    occurredAt: { from: new Date(Date.now() - 80 * HOUR).toISOString(), to: new Date(Date.now() - 70 * HOUR).toISOString() },
    discoveredAt: new Date(Date.now() - 67 * HOUR).toISOString(),
    awareAt: new Date(Date.now() - 66 * HOUR).toISOString(),
    careProvider: true,
    careImpact: 'serious-harm-possible',
    careUnit: 'Psykiatrimottagningen',
    patientConsequences: 'Patienternas vårdrelation röjdes för andra patienter.',
    nis2EntityClass: 'essential',
    nis2: { serviceImpact: 'Utskickstjänsten stängdes av i två timmar.', crossBorderImpact: false },
  }, 201);
  const incidentId = incident.body.id as string;
  await eventually(async () => (await api('viewer', 'GET', `/api/incidents/${incidentId}`)).body.tracks?.some((track: { kind: string; live: boolean }) => track.kind === 'gdpr-art33' && track.live), { what: 'the IMY track' });

  for (const kind of ['lex-maria', 'nis2']) await api('dpo', 'POST', `/api/incidents/${incidentId}/tracks/${kind}/screening`, screeningOf(kind), 200);
  const task = await eventually(async () => (await api('viewer', 'GET', `/api/incidents/${incidentId}/tasks`)).body.items?.[0], { what: 'the event analysis task' });
  const filing = await api('responder', 'POST', `/api/incidents/${incidentId}/filings`, { track: 'gdpr-art33', language: 'sv', kind: 'initial' }, 201);

  const upload = await system.request('POST', `/api/incidents/${incidentId}/recipients`, {
    token: tokens.responder,
    rawBody: recipientCsv({ count: 3, domain: `${marker.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example` }),
    headers: { 'content-type': 'text/csv' },
  });
  if (upload.status !== 201 || upload.body.imported !== 3) throw new Error(`recipient import: ${upload.status} ${JSON.stringify(upload.body)}`);
  const recipient = (await api('viewer', 'GET', `/api/incidents/${incidentId}/recipients?limit=1`, undefined, 200)).body.items[0];
  const notice = await api('responder', 'POST', `/api/incidents/${incidentId}/notices`, { channel: 'email', content: { ...NOTICE_CONTENT, nature: `${marker}: ${NOTICE_CONTENT.nature}` } }, 201);
  const exception = await api('responder', 'POST', `/api/incidents/${incidentId}/tracks/gdpr-art34/exception`, { ground: '34(3)(a)', reason: REASON }, 201);
  await api('responder', 'POST', `/api/incidents/${incidentId}/tracks/nis2/not-required`, { reason: REASON }, 200);
  const decision = (await api('viewer', 'GET', `/api/incidents/${incidentId}/decisions`, undefined, 200)).body.items[0];
  const spareUser = await api('admin', 'POST', '/api/users', { email: `spare@${marker.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`, displayName: 'Spare User', role: 'viewer' }, 201);

  const publicNotice = await api('responder', 'POST', `/api/incidents/${incidentId}/notices`, { channel: 'public', content: NOTICE_CONTENT }, 201);
  await api('responder', 'POST', `/api/notices/${publicNotice.body.id}/submit`, {}, 200);
  await api('approver', 'POST', `/api/notices/${publicNotice.body.id}/approve`, {}, 200);
  await api('responder', 'POST', `/api/notices/${publicNotice.body.id}/send`, {}, 202);
  const published = await eventually(async () => {
    const read = (await api('viewer', 'GET', `/api/notices/${publicNotice.body.id}`)).body;
    return read.status === 'sent' ? (read.publicUrl as string) : undefined;
  }, { what: 'the public notice to be published' });

  const notification = await eventually(
    async () => (await api('responder', 'GET', '/api/notifications')).body.items?.find((item: { incidentId: string }) => item.incidentId === incidentId),
    { timeoutMs: 30_000, what: "the IMY clock's reminder" },
  );
  return {
    seeded,
    tokens,
    incidentId,
    filingId: filing.body.id,
    noticeId: notice.body.id,
    taskId: task.id,
    exceptionId: exception.body.id,
    decisionId: decision.id,
    spareUserId: spareUser.body.user.id,
    notificationId: notification.id,
    publicNoticeSlug: published.split('/').pop()!,
    recipientId: recipient.id,
  };
}

const permits = (route: ApiRoute, role: Role) => route.roles === undefined || route.roles.includes(role);

function ownedParameters(route: ApiRoute): string[] {
  return idParameters(route).filter((name) => PARAMETER_FIXTURES[fixtureKey(route, name)]?.scope === 'owned');
}

/** The columns of a row: a public route belongs to no organisation; ids are swapped only where the path has some. */
function variantsOf(route: ApiRoute): Variant[] {
  if (route.isPublic) return [{ name: 'own' }];
  const ownedNames = ownedParameters(route);
  if (ownedNames.length === 0) return [{ name: 'own' }, ...(route.pathParameters.length > 0 || route.operation?.requestBody ? [{ name: 'malformed' } as const] : [])];
  // Our parent object with their child's id (and the reverse): the lookup must scope every id, not only the first.
  const swaps: Array<string | undefined> = [undefined, ...(ownedNames.length > 1 ? ownedNames : [])];
  return [
    { name: 'own' },
    ...swaps.flatMap((only) => [{ name: 'other organisation', only } as const, { name: 'unknown id', only } as const]),
    { name: 'malformed' },
  ];
}

const variantLabel = (variant: Variant) => ('only' in variant && variant.only ? `${variant.name} for {${variant.only}} only` : variant.name);

function parameterValues(route: ApiRoute, variant: Variant): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of idParameters(route)) {
    const fixture = PARAMETER_FIXTURES[fixtureKey(route, name)]!;
    if (variant.name === 'malformed') values[name] = 'not-an-id';
    else if (fixture.scope === 'shared') values[name] = fixture.value(route, name);
    else if (variant.name === 'own' || (variant.only !== undefined && variant.only !== name)) values[name] = fixture.value(ours);
    else values[name] = variant.name === 'unknown id' ? randomUUID() : fixture.value(theirs);
  }
  return values;
}

/** The ids in the query, and required query parameters with the first value their schema allows (e.g. `status` of the approvals inbox). */
function queryOf(route: ApiRoute, values: Record<string, string>): string {
  const query = ((route.operation?.parameters ?? []) as Array<{ in: string; name: string; required?: boolean }>).filter((parameter) => parameter.in === 'query');
  const pairs = query.flatMap((parameter) => {
    const value = values[parameter.name] ?? (parameter.required ? enumOf(documentedParameter(route, parameter.name, 'query'))?.[0] : undefined);
    if (value === undefined && parameter.required) throw new Error(`${route.method} ${route.path}: no value for its required query parameter ${parameter.name}; give it an enum or a fixture`);
    return value === undefined ? [] : [`${parameter.name}=${encodeURIComponent(value)}`];
  });
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function bodyOf(route: ApiRoute, variant: Variant, values: Record<string, string>): RequestBody | undefined {
  // A body that breaks every schema: the guard must refuse before validation would.
  if (variant.name === 'malformed') return route.operation?.requestBody || BODIES[route.operationId] ? json({ unexpected: [null] }) : undefined;
  const make = BODIES[route.operationId];
  if (make) return make(values);
  return route.operation?.requestBody ? json({}) : undefined;
}

async function call(route: ApiRoute, caller: Caller, variant: Variant): Promise<{ path: string; result: HttpResult }> {
  const values = parameterValues(route, variant);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!)) + queryOf(route, values);
  const body = bodyOf(route, variant, values);
  const token = caller === 'anonymous' ? undefined : ours.tokens[caller];
  const result = await system.request(route.method, path, {
    token,
    ...(body && 'json' in body ? { body: body.json } : {}),
    ...(body && 'raw' in body ? { rawBody: body.raw, headers: { 'content-type': body.contentType } } : {}),
  });
  // A step that succeeded may have ended the caller's session (signing out): sign in again for the next cell.
  if (caller !== 'anonymous' && route.method !== 'GET' && result.status < 300 && (await system.request('GET', '/api/me', { token })).status === 401) {
    ours.tokens[caller] = await system.login(ours.seeded, caller);
  }
  return { path, result };
}

/** What the cell must answer, from the route's metadata alone. */
function expectationOf(route: ApiRoute, caller: Caller, variant: Variant): { statuses: (status: number) => boolean; describe: string } {
  const exactly = (status: number) => ({ statuses: (answered: number) => answered === status, describe: String(status) });
  if (route.isPublic) return { statuses: (status) => status !== 401 && status !== 403 && status < 500, describe: 'anything but 401, 403 or 5xx (a public route)' };
  if (caller === 'anonymous') return exactly(401);
  if (!permits(route, caller)) return exactly(403);
  switch (variant.name) {
    case 'own':
      // A read without declared business refusals must succeed: otherwise its fixture does not reach it.
      if (route.method === 'GET' && route.refusals.length === 0) return { statuses: (status) => status >= 200 && status < 300, describe: '2xx' };
      return { statuses: (status) => (status >= 200 && status < 300) || [400, 404, 409, 422].includes(status), describe: '2xx or a business refusal (400, 404, 409, 422)' };
    case 'malformed':
      return { statuses: (status) => status === 400 || status === 404, describe: '400 or 404' };
    default:
      return exactly(404);
  }
}

/** Every id of the other organisation's fixtures: none may appear in an answer to us, except those we put in the path. */
function theirIds(): string[] {
  return [theirs.incidentId, theirs.filingId, theirs.noticeId, theirs.taskId, theirs.exceptionId, theirs.decisionId, theirs.spareUserId, theirs.notificationId, theirs.publicNoticeSlug, theirs.recipientId, theirs.seeded.organisationId, ...Object.values(theirs.seeded.users).map((user) => user.id)];
}

const masked = (text: unknown) => String(text ?? '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');

describe('the route table', () => {
  it('holds every operation of the OpenAPI document, with a fixture for every path parameter', () => {
    const document = openApiDocument(system.app);
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const listed = new Set(routes.map((route) => `${route.method} ${route.path}`));
    expect(documented.filter((operation) => !listed.has(operation))).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(documented.length);
    const unfilled = routes.flatMap((route) => unfilledParameters(route).map((key) => `${route.method} ${route.path}: no fixture for ${key}`));
    expect(unfilled).toEqual([]);
  });

  it('has a body only for operations that exist', () => {
    const operationIds = new Set(routes.map((route) => route.operationId));
    expect(Object.keys(BODIES).filter((operationId) => !operationIds.has(operationId))).toEqual([]);
  });
});

describe('the authorization matrix', () => {
  for (const route of rows) {
    const roles = route.roles ? route.roles.join(', ') : route.isPublic ? 'public' : 'every signed-in role';
    it(`${route.method} ${route.path} (${roles})`, async () => {
      const missing = unfilledParameters(route);
      if (missing.length > 0) throw new Error(`${route.method} ${route.path}: no fixture for ${missing.join(', ')}; add one line to PARAMETER_FIXTURES`);

      const failures: string[] = [];
      const answers = new Map<string, HttpResult>();
      const callers: Caller[] = ['anonymous', ...ROLES];
      const variants = variantsOf(route);
      // Refused callers first, then the other organisation's ids, our own last: a permitted step on our objects may change them.
      const cells = variants
        .flatMap((variant) => callers.map((caller) => ({ caller, variant })))
        .filter(({ caller, variant }) => caller !== 'anonymous' || variant.name === 'own' || variant.name === 'malformed')
        .sort((a, b) => rank(a) - rank(b));
      function rank({ caller, variant }: { caller: Caller; variant: Variant }): number {
        if (caller === 'anonymous' || !permits(route, caller)) return 0;
        return variant.name === 'own' ? 2 : 1;
      }

      for (const { caller, variant } of cells) {
        const { path, result } = await call(route, caller, variant);
        const label = `${caller}, ${variantLabel(variant)}`;
        answers.set(label, result);
        const expected = expectationOf(route, caller, variant);
        const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body ?? '');
        if (!expected.statuses(result.status)) failures.push(`${label}: ${route.method} ${path} answered ${result.status}, expected ${expected.describe}: ${text.slice(0, 300)}`);
        if (text.toLowerCase().includes(canary.toLowerCase())) failures.push(`${label}: ${route.method} ${path} answered the other organisation's data`);
        const leaked = theirIds().filter((id) => text.includes(id) && !path.includes(id));
        if (leaked.length > 0) failures.push(`${label}: ${route.method} ${path} answered ids of the other organisation: ${leaked.join(', ')}`);
      }

      // Another organisation's id answers exactly as an id that does not exist in its place: nothing tells them apart.
      for (const [label, result] of answers) {
        if (!label.includes(', other organisation')) continue;
        const unknown = answers.get(label.replace('other organisation', 'unknown id'))!;
        if (result.status !== unknown.status || masked(result.body?.message) !== masked(unknown.body?.message)) {
          failures.push(`${label}: answered ${result.status} "${result.body?.message}", an unknown id in its place ${unknown.status} "${unknown.body?.message}"`);
        }
      }

      // The fixture must reach the route, or the 404s above prove nothing.
      if (ownedParameters(route).length > 0 && !route.isPublic) {
        const reached = ROLES.some((role) => permits(route, role) && answers.get(`${role}, own`)?.status !== 404);
        if (!reached) failures.push(`every permitted role got 404 on our own objects: the fixtures do not reach ${route.method} ${route.path}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
