/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, in the test's process, with
 * one confidential client and accounts the test defines. Its login and consent pages are a
 * minimal interaction policy: whoever the test says is at the keyboard (`nextLogin`) signs in —
 * or, with `loginForm`, whoever types their user name into the login page a browser shows — and
 * consents to what the client asked; the rest — authorization endpoint, PKCE, codes, signed ID
 * tokens, userinfo, discovery — is the provider's own.
 */
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestIdentityProviderOptions {
  /** The login page is a form asking for the user name (the subject), for a real browser; otherwise `nextLogin` signs in without a page. */
  loginForm?: boolean;
  /** The claims of the scopes asked for go in the ID token too (as Entra ID and Keycloak can be set to do), not only to userinfo. */
  claimsInIdToken?: boolean;
}

/** The login form's field and button, for a browser test to find. */
export const LOGIN_FORM = { title: 'Test identity provider', userName: 'User name', submit: 'Sign in' } as const;

export class TestIdentityProvider {
  readonly clientId = 'breachflow';
  readonly clientSecret = randomBytes(24).toString('base64url');
  /** The accounts by subject (`sub`); change one between sign-ins to change what the provider says. */
  readonly accounts = new Map<string, TestAccount>();
  /** The subject who signs in at the next login page. */
  nextLogin: string | undefined;
  /** How many times the userinfo endpoint was asked, for a test that expects the ID token to suffice. */
  userinfoRequests = 0;
  /** While set, the token endpoint's ID tokens carry a signature by a key the provider does not publish (a forgery, as the relying party sees it). */
  forgeIdTokenSignatures = false;
  private provider!: Provider;

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly options: TestIdentityProviderOptions,
  ) {}

  /** Listens on a free port; the client accepts exactly these redirect URIs. */
  static async start(redirectUris: string[], options: TestIdentityProviderOptions = {}): Promise<TestIdentityProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const idp = new TestIdentityProvider(server, `http://127.0.0.1:${port}`, options);
    // Its in-memory store is the right one for a test; the warning that says it is not for production is not.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => (String(args[0]).includes('oidc-provider WARNING: a quick start development-only in-memory adapter') ? undefined : warn(...args));
    idp.provider = new Provider(idp.issuer, {
      clients: [
        {
          client_id: idp.clientId,
          client_secret: idp.clientSecret,
          redirect_uris: redirectUris,
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] as never },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      // Groups are their own scope here, as with many providers; scope claims go to userinfo only, unless `claimsInIdToken`.
      scopes: ['openid', 'email', 'profile', 'groups'],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
      conformIdTokenClaims: !options.claimsInIdToken,
      features: { devInteractions: { enabled: false } },
      // Lifetimes of its own artefacts, said explicitly (oidc-provider asks for them).
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const account = idp.accounts.get(sub);
        return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
      },
    });
    console.warn = warn;
    const callback = idp.provider.callback();
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.url?.startsWith('/interaction/')) return void idp.interact(request, response);
      if (request.url?.startsWith('/me')) idp.userinfoRequests += 1;
      if (idp.forgeIdTokenSignatures && request.method === 'POST' && request.url === '/token') resignIdToken(response, unpublishedKey());
      void callback(request, response);
    });
    return idp;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The login page signs in `nextLogin`, or shows the form and signs in whoever it names; the consent page grants what was asked. */
  private async interact(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const details = await this.provider.interactionDetails(request, response);
      if (details.prompt.name === 'login') {
        if (this.options.loginForm) return await this.loginForm(request, response, details.uid);
        if (!this.nextLogin) throw new Error('the test said nobody is to sign in at the provider');
        await this.provider.interactionFinished(request, response, { login: { accountId: this.nextLogin } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = details.grantId
        ? (await this.provider.Grant.find(details.grantId))!
        : new this.provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await this.provider.interactionFinished(request, response, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      response.statusCode = 500;
      response.end(String(error));
    }
  }

  /** GET shows the form; POST signs in the account it names, or shows the form again saying there is none. */
  private async loginForm(request: IncomingMessage, response: ServerResponse, uid: string): Promise<void> {
    let unknown = '';
    if (request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const userName = new URLSearchParams(body).get('username')?.trim() ?? '';
      if (this.accounts.has(userName)) {
        await this.provider.interactionFinished(request, response, { login: { accountId: userName } }, { mergeWithLastSubmission: false });
        return;
      }
      unknown = `<p role="alert">No account ${escapeHtml(userName)}.</p>`;
    }
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${LOGIN_FORM.title}</title></head><body><main><h1>${LOGIN_FORM.title}</h1>${unknown}` +
        `<form method="post" action="/interaction/${encodeURIComponent(uid)}"><label for="username">${LOGIN_FORM.userName}</label> <input id="username" name="username" autocomplete="username" required> ` +
        `<button type="submit">${LOGIN_FORM.submit}</button></form></main></body></html>`,
    );
  }
}

let rogueKey: KeyObject | undefined;
const unpublishedKey = () => (rogueKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);

/** The token endpoint's answer, with its ID token's header and claims kept and signed again with `key`. */
function resignIdToken(response: ServerResponse, key: KeyObject): void {
  const end = response.end.bind(response) as (body?: unknown) => ServerResponse;
  response.end = ((body?: unknown) => {
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) return end(body);
    const answer = JSON.parse(body.toString()) as { id_token?: string };
    if (!answer.id_token) return end(body);
    const signed = answer.id_token.split('.').slice(0, 2).join('.');
    answer.id_token = `${signed}.${createSign('RSA-SHA256').update(signed).sign(key, 'base64url')}`;
    response.removeHeader('content-length');
    return end(JSON.stringify(answer));
  }) as typeof response.end;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * A browser as far as redirects and cookies go: follows each redirect itself (so the test sees
 * every hop), keeps each origin's cookies with their paths, and sends them back.
 */
export class Browser {
  private readonly cookies = new Map<string, Map<string, { value: string; path: string }>>();

  /** Requests `url` and follows redirects until `stop` says a hop's URL is where to stop (it is not requested), or a non-redirect answer. */
  async follow(url: string, stop: (next: URL) => boolean = () => false): Promise<{ url: URL; response: Response | undefined; hops: URL[] }> {
    let current = new URL(url);
    const hops: URL[] = [];
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await this.get(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response, hops };
      await response.arrayBuffer();
      current = new URL(location, current);
      hops.push(current);
      if (stop(current)) return { url: current, response: undefined, hops };
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }

  async get(url: URL | string): Promise<Response> {
    const target = new URL(url);
    const response = await fetch(target, { redirect: 'manual', headers: { cookie: this.cookieHeader(target) } });
    this.keep(target, response.headers.getSetCookie());
    return response;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.cookies.get(origin)?.get(name)?.value;
  }

  cookieHeader(url: URL): string {
    const jar = this.cookies.get(url.origin) ?? new Map();
    return [...jar.entries()].filter(([, cookie]) => url.pathname.startsWith(cookie.path)).map(([name, cookie]) => `${name}=${cookie.value}`).join('; ');
  }

  private keep(url: URL, setCookies: string[]): void {
    const jar = this.cookies.get(url.origin) ?? new Map<string, { value: string; path: string }>();
    this.cookies.set(url.origin, jar);
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair!.slice(0, pair!.indexOf('='));
      const value = pair!.slice(pair!.indexOf('=') + 1);
      const attribute = (key: string) => attributes.find((entry) => entry.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attribute('expires');
      const gone = value === '' || attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) jar.delete(name);
      else jar.set(name, { value, path: attribute('path') ?? '/' });
    }
  }
}
