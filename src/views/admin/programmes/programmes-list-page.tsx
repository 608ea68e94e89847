/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The programmes the signed-in user may open in the editor, by region. */
import type { ProgrammeListItem } from '#src/domain/programmes/editor-models.ts';
import { formatPeriod } from '#src/i18n/format.ts';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import { textIn } from './editor-components.tsx';
import { editorPaths } from './editor-paths.ts';

export interface ProgrammesListPageProps {
  ac: AdminRenderContext;
  regions: { code: string; name: string; canEdit: boolean; programmes: ProgrammeListItem[] }[];
}

export function ProgrammesListPage({ ac, regions }: ProgrammesListPageProps): JSX.Element {
  const { t } = ac;
  return (
    <AdminLayout
      ac={ac}
      title={t('admin.nav.programmes')}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programmes(), label: t('admin.nav.programmes') },
      ]}
    >
      <h1 safe>{t('admin.nav.programmes')}</h1>
      {regions.length === 0 ? <p safe>{t('admin.edit.programmes.none')}</p> : ''}
      {regions.map((r) => (
        <section aria-labelledby={`region-${r.code}`}>
          <h2 id={`region-${r.code}`} safe>
            {`${r.name} (${r.code})`}
          </h2>
          {r.programmes.length === 0 ? (
            <p safe>{t('admin.edit.programmes.noneInRegion')}</p>
          ) : (
            <ul>
              {r.programmes.map((p) => (
                <li>
                  <a href={editorPaths.programme({ code: p.regionCode, slug: p.slug })} safe>
                    {`${textIn(ac, p.title)} ${formatPeriod(p.periodStart, p.periodEnd)}`}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={editorPaths.council(r.code)} safe>
              {t('admin.edit.council.title')}
            </a>
          </p>
        </section>
      ))}
    </AdminLayout>
  );
}
