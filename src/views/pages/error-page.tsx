/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The error page (404, 400, 500, 503 busy) in the visitor's language, with a way back to the front page. */
import { Frame } from '../layout.tsx';
import type { RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';

export interface ErrorPageProps {
  rc: RenderContext;
  status: number;
}

export function ErrorPage({ rc, status }: ErrorPageProps): JSX.Element {
  const { t, lang } = rc;
  const kind = status === 404 ? '404' : status === 503 ? '503' : status >= 500 ? '500' : '400';
  const title = t(`error.${kind}.title`);
  return (
    <Frame rc={rc} title={[title]} description={title} rest={null} noindex>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {t(`error.${kind}.text`)}
      </p>
      <p>
        <a class="button" href={inLang(lang, paths.home())} safe>
          {t('error.home')}
        </a>
      </p>
    </Frame>
  );
}
