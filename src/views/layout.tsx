/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The page frame: head (title, description, canonical and hreflang links), skip link, header
 * with the language switcher and the region's menu, main, footer.
 */
import Html from '@kitajs/html';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import type { RenderContext } from './render-context.ts';
import { inLang, paths } from './urls.ts';

export const LANGUAGE_NAMES: Record<Lang, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export interface MenuItem {
  href: string;
  label: string;
  lang?: string | undefined;
  current?: boolean;
}

export interface FrameProps {
  rc: RenderContext;
  /** Title parts, most specific first; `Suunta` is appended. */
  title: string[];
  description: string;
  /** The page's path without the language prefix; null for pages without translations (errors). */
  rest: string | null;
  /** A query string kept on the language switcher's links (e.g. a search), with its `?`. */
  query?: string;
  menu?: { items: MenuItem[] };
  noindex?: boolean;
  /** Scripts of the page (external, deferred; the page works without them). */
  scripts?: readonly string[];
  children?: Html.Children;
}

/** `Page · Programme · Suunta`. */
export function pageTitle(parts: readonly string[]): string {
  return [...parts.filter((p) => p.trim() !== ''), 'Suunta'].join(' · ');
}

function LanguageSwitcher(props: { rc: RenderContext; rest: string | null; query: string }): JSX.Element {
  const { rc } = props;
  return (
    <nav class="lang-nav" aria-label={rc.t('nav.language')}>
      <ul>
        {LANGS.map((l) =>
          l === rc.lang ? (
            <li>
              <span class="lang-current" lang={l} aria-current="true" safe>
                {LANGUAGE_NAMES[l]}
              </span>
            </li>
          ) : (
            <li>
              <a
                href={props.rest === null ? inLang(l, paths.home()) : `${inLang(l, props.rest)}${props.query}`}
                lang={l}
                hreflang={l}
                safe
              >
                {LANGUAGE_NAMES[l]}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

export function Frame(props: FrameProps): JSX.Element {
  const { rc } = props;
  const { t, chrome } = rc;
  const base = chrome.baseUrl;
  // The children are rendered before the frame, so the fallback flag is final here.
  const safeBody = Html.contentsToString([props.children]);
  const safeNote = rc.fallbackUsed ? (
    <p class="translation-note" role="note" safe>
      {t('site.untranslated')}
    </p>
  ) : (
    ''
  );
  return (
    <>
      {'<!doctype html>'}
      <html lang={rc.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{pageTitle(props.title)}</title>
          <meta name="description" content={Html.escapeHtml(props.description)} />
          {props.noindex ? <meta name="robots" content="noindex" /> : ''}
          {props.rest !== null ? (
            <>
              <link rel="canonical" href={base + inLang(rc.lang, props.rest)} />
              {LANGS.map((l) => (
                <link rel="alternate" hreflang={l} href={base + inLang(l, props.rest!)} />
              ))}
              <link rel="alternate" hreflang="x-default" href={base + inLang('fi', props.rest)} />
            </>
          ) : (
            ''
          )}
          <link rel="stylesheet" href={chrome.cssHref} />
          <link rel="icon" href={chrome.iconHref} type="image/svg+xml" />
          {(props.scripts ?? []).map((src) => (
            <script src={src} defer></script>
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main" safe>
            {t('site.skip')}
          </a>
          <header class="site-header">
            <div class="container header-bar">
              <a class="brand" href={inLang(rc.lang, paths.home())}>
                <span class="brand-name" safe>
                  {t('site.name')}
                </span>
                <span class="brand-tagline" safe>
                  {t('site.tagline')}
                </span>
              </a>
              <LanguageSwitcher rc={rc} rest={props.rest} query={props.query ?? ''} />
            </div>
            {props.menu ? (
              <nav class="main-nav" aria-label={t('nav.main')}>
                <div class="container">
                  <ul>
                    {props.menu.items.map((item) => (
                      <li>
                        <a href={item.href} lang={item.lang} aria-current={item.current ? 'page' : undefined} safe>
                          {item.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              </nav>
            ) : (
              ''
            )}
          </header>
          <main id="main" tabindex="-1">
            <div class="container">
              {safeNote}
              {safeBody}
            </div>
          </main>
          <footer class="site-footer">
            <div class="container">
              <p safe>{t('footer.about')}</p>
              <nav aria-label={t('nav.footer')}>
                <ul>
                  <li>
                    <a href={inLang(rc.lang, paths.accessibility())} safe>
                      {t('footer.accessibility')}
                    </a>
                  </li>
                  <li>
                    <a href="/api/openapi.json" safe>
                      {t('footer.api')}
                    </a>
                  </li>
                  <li>
                    <a href="/sitemap.xml" safe>
                      {t('footer.sitemap')}
                    </a>
                  </li>
                </ul>
              </nav>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
