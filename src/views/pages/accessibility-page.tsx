/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The accessibility statement required by the Act on the Provision of Digital Services (306/2019). */
import type { LocalizedText } from '#src/domain/languages.ts';
import { Breadcrumbs, Text } from '../components.tsx';
import { Frame } from '../layout.tsx';
import type { RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';

export interface AccessibilityPageProps {
  rc: RenderContext;
  /** The councils publishing in this installation, with the email address feedback goes to. */
  councils: { name: LocalizedText; email: string | null }[];
}

export function AccessibilityPage({ rc, councils }: AccessibilityPageProps): JSX.Element {
  const { t, lang } = rc;
  const rest = paths.accessibility();
  const withEmail = councils.filter((c) => c.email);
  return (
    <Frame rc={rc} title={[t('a11y.title')]} description={t('a11y.description')} rest={rest}>
      <Breadcrumbs
        rc={rc}
        items={[
          { href: inLang(lang, paths.home()), label: t('nav.home') },
          { href: inLang(lang, rest), label: t('a11y.title') },
        ]}
      />
      <article class="prose">
        <h1 safe>{t('a11y.title')}</h1>
        <p class="lead" safe>
          {t('a11y.intro')}
        </p>
        <h2 safe>{t('a11y.statusTitle')}</h2>
        <p safe>{t('a11y.status')}</p>
        <h2 safe>{t('a11y.gapsTitle')}</h2>
        <ul>
          <li safe>{t('a11y.gap.swedish')}</li>
          <li safe>{t('a11y.gap.documents')}</li>
        </ul>
        <h2 safe>{t('a11y.feedbackTitle')}</h2>
        <p safe>{t('a11y.feedback')}</p>
        {withEmail.length > 0 ? (
          <ul>
            {withEmail.map((c) => (
              <li>
                <Text rc={rc} text={c.name} />
                {': '}
                <a href={`mailto:${c.email!}`} safe>
                  {c.email!}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
        <h2 safe>{t('a11y.authorityTitle')}</h2>
        <p safe>{t('a11y.authority')}</p>
        <p>
          <a href={t('a11y.authorityUrl')} safe>
            {t('a11y.authorityLink')}
          </a>
        </p>
        <p class="muted" safe>
          {t('a11y.prepared')}
        </p>
      </article>
    </Frame>
  );
}
