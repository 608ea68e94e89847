/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The admin page frame: skip link, header with the language switcher and the account menu
 * (log out, log out everywhere), main navigation, breadcrumbs and `<main>`. Server-rendered,
 * works without JavaScript; styles come from public/admin.css.
 */
import Html from '@kitajs/html';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import type { Role } from '#src/domain/roles.ts';
import type { Translate } from '#src/i18n/index.ts';

/** The signed-in user as views see it. */
export interface AdminUserView {
  id: number;
  email: string;
  name: string;
  roles: { regionCode: string; role: Role }[];
}

/** What every admin view receives. */
export interface AdminRenderContext {
  lang: Lang;
  t: Translate;
  /** Null on the sign-in and set-password pages (and on errors before signing in). */
  user: AdminUserView | null;
  /** The CSRF token every form must send (use `<CsrfField ac={ac} />`). */
  csrfToken: string;
  /** The current path and query, e.g. `/admin/audit?region=08` (for the language switcher). */
  path: string;
  cssHref: string;
  iconHref: string;
}

export type AdminSection = 'dashboard' | 'programmes' | 'indicators' | 'users' | 'audit' | 'account';

export interface AdminCrumb {
  href: string;
  label: string;
}

export interface AdminLayoutProps {
  ac: AdminRenderContext;
  /** The page's title (the <title> is `title · Suunta – ylläpito`); write the page's own <h1>. */
  title: string;
  /** The navigation item to mark as current. */
  section?: AdminSection;
  crumbs?: AdminCrumb[];
  children?: Html.Children;
}

export const LANGUAGE_NAMES: Record<Lang, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** The current address with `?lang=` set to `lang` (other query parameters kept). */
export function withLang(path: string, lang: Lang): string {
  const url = new URL(path, 'http://admin.invalid');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

function LanguageSwitcher({ ac }: { ac: AdminRenderContext }): JSX.Element {
  return (
    <nav class="admin-lang" aria-label={ac.t('admin.nav.language')}>
      <ul>
        {LANGS.map((l: Lang) =>
          l === ac.lang ? (
            <li>
              <span lang={l} aria-current="true" safe>
                {LANGUAGE_NAMES[l]}
              </span>
            </li>
          ) : (
            <li>
              <a href={Html.escapeHtml(withLang(ac.path, l))} lang={l} hreflang={l} safe>
                {LANGUAGE_NAMES[l]}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

function AccountMenu({ ac }: { ac: AdminRenderContext }): JSX.Element {
  if (!ac.user) return '';
  const { t } = ac;
  return (
    <nav class="admin-account" aria-label={t('admin.nav.account')}>
      <p class="admin-account-name" safe>
        {t('admin.signedInAs', { name: ac.user.name || ac.user.email })}
      </p>
      <ul class="cluster">
        <li>
          <a href="/admin/account" safe>
            {t('admin.nav.ownAccount')}
          </a>
        </li>
        <li>
          <form method="post" action="/admin/logout" class="inline-form">
            <input type="hidden" name="_csrf" value={ac.csrfToken} />
            <button type="submit" class="button-link" safe>
              {t('admin.logout')}
            </button>
          </form>
        </li>
        <li>
          <form method="post" action="/admin/logout-everywhere" class="inline-form">
            <input type="hidden" name="_csrf" value={ac.csrfToken} />
            <button type="submit" class="button-link" safe>
              {t('admin.logoutEverywhere')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

const NAV: {
  section: AdminSection;
  href: string;
  key: 'admin.nav.dashboard' | 'admin.nav.programmes' | 'admin.nav.indicators' | 'admin.nav.users' | 'admin.nav.audit';
}[] = [
  { section: 'dashboard', href: '/admin', key: 'admin.nav.dashboard' },
  { section: 'programmes', href: '/admin/programmes', key: 'admin.nav.programmes' },
  { section: 'indicators', href: '/admin/indicators', key: 'admin.nav.indicators' },
  { section: 'users', href: '/admin/users', key: 'admin.nav.users' },
  { section: 'audit', href: '/admin/audit', key: 'admin.nav.audit' },
];

export function AdminLayout(props: AdminLayoutProps): JSX.Element {
  const { ac } = props;
  const { t } = ac;
  const crumbs = props.crumbs ?? [];
  const safeBody = Html.contentsToString([props.children]);
  return (
    <>
      {'<!doctype html>'}
      <html lang={ac.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title safe>{`${props.title} · ${t('admin.brand')}`}</title>
          <link rel="stylesheet" href={ac.cssHref} />
          <link rel="icon" href={ac.iconHref} type="image/svg+xml" />
        </head>
        <body class="admin">
          <a class="skip-link" href="#main" safe>
            {t('admin.skip')}
          </a>
          <header class="admin-header">
            <div class="admin-bar">
              <a class="admin-brand" href="/admin" safe>
                {t('admin.brand')}
              </a>
              <LanguageSwitcher ac={ac} />
              <AccountMenu ac={ac} />
            </div>
            {ac.user ? (
              <nav class="admin-nav" aria-label={t('admin.nav.main')}>
                <ul>
                  {NAV.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item.section === props.section ? 'page' : undefined} safe>
                        {t(item.key)}
                      </a>
                    </li>
                  ))}
                  <li>
                    <a href={`/${ac.lang}/`} safe>
                      {t('admin.nav.publicSite')}
                    </a>
                  </li>
                </ul>
              </nav>
            ) : (
              ''
            )}
          </header>
          <main id="main" tabindex="-1" class="admin-main">
            {crumbs.length > 0 ? (
              <nav class="admin-crumbs" aria-label={t('admin.nav.breadcrumbs')}>
                <ol>
                  {crumbs.map((c) => (
                    <li>
                      <a href={c.href} safe>
                        {c.label}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            ) : (
              ''
            )}
            {safeBody}
          </main>
        </body>
      </html>
    </>
  );
}
