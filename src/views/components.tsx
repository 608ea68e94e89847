/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** Small building blocks shared by the pages: localized text, prose, breadcrumbs, pager, search form. */
import Html from '@kitajs/html';
import type { LocalizedText } from '#src/domain/languages.ts';
import { renderMarkdown } from './markdown.ts';
import { shown, type RenderContext } from './render-context.ts';

type TextTag = 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'strong' | 'div';

/**
 * A content text in an element of its own; when the text is shown in a fallback language the
 * element carries `lang` so screen readers pronounce it right. Renders nothing for no text.
 */
export function Text(props: {
  rc: RenderContext;
  text: LocalizedText | null | undefined;
  tag?: TextTag;
  class?: string;
  id?: string;
}): JSX.Element {
  const s = shown(props.rc, props.text);
  if (!s) return '';
  const tag = props.tag ?? 'span';
  // A plain span adds nothing: write the bare text.
  if (tag === 'span' && !s.lang && !props.class && !props.id) return Html.escapeHtml(s.text);
  return Html.createElement(tag, { lang: s.lang, class: props.class, id: props.id }, Html.escapeHtml(s.text));
}

/** A longer content text (Markdown subset) as paragraphs and lists. */
export function Prose(props: {
  rc: RenderContext;
  text: LocalizedText | null | undefined;
  class?: string;
}): JSX.Element {
  const s = shown(props.rc, props.text);
  if (!s) return '';
  const safeHtml = renderMarkdown(s.text);
  return (
    <div class={props.class ? `prose ${props.class}` : 'prose'} lang={s.lang}>
      {safeHtml}
    </div>
  );
}

export interface Crumb {
  href: string;
  label: string;
  lang?: string | undefined;
}

/** Breadcrumbs; the last crumb is the current page. */
export function Breadcrumbs(props: { rc: RenderContext; items: Crumb[] }): JSX.Element {
  const last = props.items.length - 1;
  return (
    <nav class="breadcrumbs" aria-label={props.rc.t('nav.breadcrumbs')}>
      <ol>
        {props.items.map((c, i) => (
          <li>
            <a href={c.href} lang={c.lang} aria-current={i === last ? 'page' : undefined} safe>
              {c.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export interface PagerLink {
  href: string;
  label: string;
  lang?: string | undefined;
}

/** Previous/next links within one level of the programme. */
export function Pager(props: { rc: RenderContext; previous: PagerLink | null; next: PagerLink | null }): JSX.Element {
  if (!props.previous && !props.next) return '';
  const { t } = props.rc;
  return (
    <nav class="pager" aria-label={t('nav.pager')}>
      <ul>
        {props.previous ? (
          <li class="pager-prev">
            <a href={props.previous.href} rel="prev">
              <span class="pager-dir" safe>
                {t('nav.previous')}
              </span>
              <span class="pager-title" lang={props.previous.lang} safe>
                {props.previous.label}
              </span>
            </a>
          </li>
        ) : (
          ''
        )}
        {props.next ? (
          <li class="pager-next">
            <a href={props.next.href} rel="next">
              <span class="pager-dir" safe>
                {t('nav.next')}
              </span>
              <span class="pager-title" lang={props.next.lang} safe>
                {props.next.label}
              </span>
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** The programme search form (GET). */
export function SearchForm(props: { rc: RenderContext; action: string; query?: string }): JSX.Element {
  const { t } = props.rc;
  return (
    <form class="search-form" role="search" method="get" action={props.action}>
      <label for="search-q" safe>
        {t('search.label')}
      </label>
      <div class="search-row">
        <input
          id="search-q"
          type="search"
          name="q"
          value={Html.escapeHtml(props.query ?? '')}
          maxlength="200"
          aria-describedby="search-hint"
        />
        <button type="submit" safe>
          {t('search.button')}
        </button>
      </div>
      <p id="search-hint" class="hint" safe>
        {t('search.hint')}
      </p>
    </form>
  );
}
