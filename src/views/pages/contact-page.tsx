/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The regional council's contact page: identifiers, offices with addresses and hours, programme contacts. */
import Html from '@kitajs/html';
import type { Council, ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { Breadcrumbs, Text } from '../components.tsx';
import { Frame } from '../layout.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { regionCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths } from '../urls.ts';

export interface ContactPageProps {
  rc: RenderContext;
  region: Region;
  council: Council;
  programme: ProgrammeSummary | null;
}

export function ContactPage(props: ContactPageProps): JSX.Element {
  const { rc, region, council } = props;
  const { t, lang } = rc;
  const councilName = plain(rc, council.name);
  const rest = paths.contact(region.slug);
  return (
    <Frame
      rc={rc}
      title={[t('contact.title'), councilName]}
      description={t('contact.description', { council: councilName })}
      rest={rest}
      menu={regionMenu(rc, region, { programme: props.programme, hasContact: true, place: 'contact' })}
    >
      <Breadcrumbs
        rc={rc}
        items={[...regionCrumbs(rc, region), { href: inLang(lang, rest), label: t('contact.title') }]}
      />
      <h1 safe>{t('contact.title')}</h1>
      <Text rc={rc} text={council.name} tag="p" class="lead" />
      <dl class="facts">
        {council.businessId ? (
          <>
            <dt safe>{t('contact.businessId')}</dt>
            <dd safe>{council.businessId}</dd>
          </>
        ) : (
          ''
        )}
        {council.email ? (
          <>
            <dt safe>{t('contact.email')}</dt>
            <dd>
              <a href={`mailto:${council.email}`} safe>
                {council.email}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
        {council.web && /^https?:\/\//i.test(council.web) ? (
          <>
            <dt safe>{t('contact.web')}</dt>
            <dd>
              <a href={Html.escapeHtml(council.web)} safe>
                {council.web.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {council.offices.length > 0 ? (
        <section aria-labelledby="offices-heading">
          <h2 id="offices-heading" safe>
            {t('contact.offices')}
          </h2>
          <ul class="card-list card-grid">
            {council.offices.map((o) => (
              <li class="card">
                <Text rc={rc} text={o.name} tag="h3" />
                <dl class="facts">
                  {o.postalAddress ? (
                    <>
                      <dt safe>{t('contact.postal')}</dt>
                      <dd safe>{o.postalAddress}</dd>
                    </>
                  ) : (
                    ''
                  )}
                  {o.visitingAddress ? (
                    <>
                      <dt safe>{t('contact.visiting')}</dt>
                      <dd safe>{o.visitingAddress}</dd>
                    </>
                  ) : (
                    ''
                  )}
                  {o.hours ? (
                    <>
                      <dt safe>{t('contact.hours')}</dt>
                      <dd>
                        <Text rc={rc} text={o.hours} />
                      </dd>
                    </>
                  ) : (
                    ''
                  )}
                  {o.phone ? (
                    <>
                      <dt safe>{t('contact.phone')}</dt>
                      <dd>
                        <a href={`tel:${o.phone.replace(/[^+\d]/g, '')}`} safe>
                          {o.phone}
                        </a>
                      </dd>
                    </>
                  ) : (
                    ''
                  )}
                  {o.email ? (
                    <>
                      <dt safe>{t('contact.email')}</dt>
                      <dd>
                        <a href={`mailto:${o.email}`} safe>
                          {o.email}
                        </a>
                      </dd>
                    </>
                  ) : (
                    ''
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {council.contacts.length > 0 ? (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" safe>
            {t('contact.people')}
          </h2>
          <ul class="card-list card-grid">
            {council.contacts.map((c) => (
              <li class="card">
                <h3 safe>{c.name}</h3>
                <Text rc={rc} text={c.role} tag="p" />
                {c.topic ? (
                  <p>
                    <span safe>{`${t('contact.topic')}: `}</span>
                    <Text rc={rc} text={c.topic} />
                  </p>
                ) : (
                  ''
                )}
                {c.email ? (
                  <p>
                    <a href={`mailto:${c.email}`} safe>
                      {c.email}
                    </a>
                  </p>
                ) : (
                  ''
                )}
                {c.phone ? (
                  <p>
                    <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`} safe>
                      {c.phone}
                    </a>
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Frame>
  );
}
