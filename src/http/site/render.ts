/** Builds a view's render context and turns a page into its final HTML string. */
import type { Lang } from '#src/domain/languages.ts';
import { translator } from '#src/i18n/index.ts';
import type { RenderContext } from '#src/views/render-context.ts';
import { chromeFor } from './assets.ts';

/** Renders `page` in `lang`; every view is synchronous, so the result is a string. */
export function renderPage(lang: Lang, baseUrl: string, page: (rc: RenderContext) => JSX.Element): string {
  const rc: RenderContext = { lang, t: translator(lang), chrome: chromeFor(baseUrl), fallbackUsed: false };
  const html = page(rc);
  if (typeof html !== 'string') throw new Error('A view returned a promise; views must be synchronous');
  return html;
}
