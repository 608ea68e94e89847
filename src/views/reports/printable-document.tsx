/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The shell of a standalone document that is read on screen, printed, and made into a tagged PDF
 * (the annual report, the consultation's feedback report): its head with report.css, a skip link,
 * a screen-only bar with the document's links and its other languages, and `<main>`.
 */
import Html from '@kitajs/html';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { LANGUAGE_NAMES } from '../layout.tsx';
import type { RenderContext } from '../render-context.ts';
import { inLang } from '../urls.ts';

export interface DocumentLink {
  href: string;
  label: string;
  /** The linked file's media type (e.g. `application/pdf`). */
  type?: string;
}

export function PrintableDocument(props: {
  rc: RenderContext;
  title: string;
  description: string;
  cssHref: string;
  /** The screen bar's links (not printed). */
  links: readonly DocumentLink[];
  /** The document's path without the language prefix, for its other languages. */
  rest: string;
  children?: Html.Children;
}): JSX.Element {
  const { rc } = props;
  const { t, lang } = rc;
  const safeMain = Html.contentsToString([props.children]);
  return (
    <>
      {'<!doctype html>'}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{props.title}</title>
          <meta name="description" content={Html.escapeHtml(props.description)} />
          <meta name="generator" content="Suunta" />
          <link rel="stylesheet" href={props.cssHref} />
        </head>
        <body>
          <a class="skip-link screen-only" href="#main" safe>
            {t('site.skip')}
          </a>
          <header class="report-bar screen-only">
            <nav aria-label={t('nav.main')}>
              <ul>
                {props.links.map((l) => (
                  <li>
                    <a href={l.href} type={l.type} safe>
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav aria-label={t('nav.language')}>
              <ul>
                {LANGS.filter((l) => l !== lang).map((l: Lang) => (
                  <li>
                    <a href={inLang(l, props.rest)} lang={l} hreflang={l} safe>
                      {LANGUAGE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <main id="main" tabindex="-1">
            {safeMain}
          </main>
        </body>
      </html>
    </>
  );
}
