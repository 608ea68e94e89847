/**
 * Helpers of the admin tests: make users with passwords (through the real set-password link),
 * sign in over HTTP, keep cookies, and post forms with the page's CSRF token.
 */
import assert from 'node:assert/strict';
import { before } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CLI_ACTOR, type Role } from '#src/domain/roles.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import type { AppContext } from '#src/services/app-context.ts';
import type { DatabaseTarget } from '../support/databases.ts';
import { useTestApp, type TestApp, type TestAppOptions } from '../support/test-app.ts';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: number;
  email: string;
  password: string;
}

/** Adds a user with `role` in `region` (more grants with `also`) and sets their password via the one-time link. */
export async function createUser(
  ctx: AppContext,
  options: {
    email: string;
    role?: Role;
    region?: string;
    password?: string | null;
    name?: string;
    also?: { role: Role; region: string }[];
  },
): Promise<TestUser> {
  const accounts = new AccountService(ctx.db.kysely, ctx.clock);
  const grants = [{ role: options.role ?? 'editor', region: options.region ?? '08' }, ...(options.also ?? [])];
  let id = 0;
  let token: string | null = null;
  for (const g of grants) {
    const result = await accounts.addUser(
      { email: options.email, name: options.name, role: g.role, regionCode: g.region },
      CLI_ACTOR,
      { linkForExisting: 'never' },
    );
    id = result.user.id;
    token ??= result.token;
  }
  const password = options.password === undefined ? PASSWORD : options.password;
  if (password !== null) {
    assert.ok(token, 'a new user gets a link');
    const set = await accounts.setPassword(token, password, password);
    assert.ok(set.ok, `setting the password of ${options.email}`);
  }
  return { id, email: options.email.toLowerCase(), password: password ?? '' };
}

/** Cookies kept between requests, like a browser. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  update(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** The `_csrf` value of the first form of a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the page has a CSRF field');
  return m[1]!;
}

/** A browser-like client of one app: keeps cookies, posts forms with the last page's CSRF token. */
export class Browser {
  readonly jar = new CookieJar();
  csrf = '';
  readonly #app: () => FastifyInstance;

  /** `app`, or a function answering it (for a browser made before its app is open, see useSignedInApp). */
  constructor(app: FastifyInstance | (() => FastifyInstance)) {
    this.#app = typeof app === 'function' ? app : () => app;
  }

  get app(): FastifyInstance {
    return this.#app();
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.jar.header(), ...headers } });
    this.jar.update(res);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return res;
  }

  /** Posts a form; `_csrf` is the last page's token unless given (null leaves it out). */
  async post(
    url: string,
    fields: Record<string, string> = {},
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      payload: formBody(csrf === null ? fields : { ...fields, _csrf: csrf }),
    });
    this.jar.update(res);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return res;
  }

  /** Signs in through the form; asserts success (303 to /admin) and loads a page for the session's CSRF token. */
  async signIn(email: string, password: string): Promise<void> {
    await this.get('/admin/login');
    const res = await this.post('/admin/login', { email, password, next: '/admin' });
    assert.equal(res.statusCode, 303, `sign-in of ${email}: ${res.body.slice(0, 300)}`);
    assert.ok(this.jar.cookies.has('suunta_session'), 'session cookie set');
    const page = await this.get('/admin/account');
    assert.equal(page.statusCode, 200);
  }
}

/** A browser already signed in as `user`. */
export async function signedIn(app: FastifyInstance, user: TestUser): Promise<Browser> {
  const browser = new Browser(app);
  await browser.signIn(user.email, user.password);
  return browser;
}

/** A user made and signed in by useSignedInApp: as createUser takes it (role default editor, region default 08). */
export type SignedInUser = Parameters<typeof createUser>[1];

/** A test app with users signed in (see useSignedInApp). */
export interface SignedInApp<K extends string> extends TestApp {
  /** Each user's browser, signed in before the tests (usable as a constant of the describe). */
  readonly as: Readonly<Record<K, Browser>>;
  /** Each user as made (id, e-mail, password); inside the tests only. */
  readonly users: Readonly<Record<K, TestUser>>;
}

/**
 * useTestApp (../support/test-app.ts) with users made and signed in before the tests of the
 * enclosing describe: `const web = useSignedInApp(target, { editor: { email: 'e@example.fi' } });
 * const editor = web.as.editor;`, then `editor.get(…)`, `web.ctx`, `web.app` in the tests.
 */
export function useSignedInApp<K extends string>(
  target: DatabaseTarget,
  users: Readonly<Record<K, SignedInUser>>,
  options: TestAppOptions = {},
): SignedInApp<K> {
  const web = useTestApp(target, options);
  const names = Object.keys(users) as K[];
  const as = Object.fromEntries(names.map((name) => [name, new Browser(() => web.app)])) as Record<K, Browser>;
  let made: Record<K, TestUser> | undefined;
  before(async () => {
    const out = {} as Record<K, TestUser>;
    for (const name of names) {
      out[name] = await createUser(web.ctx, users[name]);
      await as[name].signIn(out[name].email, out[name].password);
    }
    made = out;
  });
  return {
    get ctx() {
      return web.ctx;
    },
    get app() {
      return web.app;
    },
    get: (url, headers) => web.get(url, headers),
    as,
    get users() {
      if (!made) throw new Error('useSignedInApp: the users exist only inside the tests of its describe');
      return made;
    },
  };
}

/** A clock tests move by hand. */
export class FakeClock {
  constructor(private time = Date.parse('2026-03-02T08:00:00Z')) {}
  readonly now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * Checks what every admin page has: `<html lang>`, a title, the skip link to `<main id="main">`,
 * header landmark, one h1, unique ids, a label for every visible input, no inline style or script.
 */
export function assertAdminPage(res: LightMyRequestResponse, lang: 'fi' | 'sv' | 'en', what: string): void {
  const html = res.body;
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', what);
  assert.ok(html.startsWith('<!doctype html>'), `${what}: doctype`);
  assert.match(html, new RegExp(`<html lang="${lang}">`), `${what}: lang`);
  assert.match(html, /<title>[^<]+ · Suunta – [^<]+<\/title>/, `${what}: title`);
  assert.match(html, /<a class="skip-link" href="#main">/, `${what}: skip link`);
  assert.match(html, /<main id="main"/, `${what}: main`);
  assert.match(html, /<header/, `${what}: header`);
  assert.equal((html.match(/<h1[ >]/g) ?? []).length, 1, `${what}: one h1`);
  assert.doesNotMatch(html, /\sstyle=|<style|<script/i, `${what}: no inline style or script`);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(new Set(ids).size, ids.length, `${what}: duplicate ids ${ids.join(', ')}`);
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    if (/type="(hidden|submit)"/.test(attrs)) continue;
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    assert.ok(id && html.includes(`<label for="${id}"`), `${what}: ${m[0]} has a label`);
  }
}

export interface FilePart {
  filename: string;
  content: Uint8Array | string;
  type?: string;
}

/** A multipart/form-data body: the text fields in order, then the file (as a browser sends a form whose _csrf comes first). */
export function multipart(fields: Record<string, string>, file?: FilePart): { payload: Buffer; contentType: string } {
  const boundary = '----suunta-test-boundary-7d3f';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
    );
    chunks.push(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart form with the browser's cookies; `_csrf` is the browser's last token unless given (null: none). */
export async function postMultipart(
  browser: Browser,
  url: string,
  fields: Record<string, string>,
  file?: FilePart,
  options: { csrf?: string | null; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const csrf = options.csrf === undefined ? browser.csrf : options.csrf;
  const { payload, contentType } = multipart(csrf === null ? fields : { _csrf: csrf, ...fields }, file);
  const res = await browser.app.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.jar.header(), 'content-type': contentType, ...options.headers },
    payload,
  });
  browser.jar.update(res);
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  if (m) browser.csrf = m[1]!;
  return res;
}
