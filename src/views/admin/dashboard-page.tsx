/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The admin front page: the user's regions, their role there, and each region's programmes. */
import { roleSatisfies, type Role } from '#src/domain/roles.ts';
import { AdminLayout, type AdminRenderContext } from './layout.tsx';

export interface DashboardRegion {
  code: string;
  name: string;
  role: Role;
  programmes: { slug: string; title: string; period: string; currentVersion: number | null }[];
}

export function DashboardPage({ ac, regions }: { ac: AdminRenderContext; regions: DashboardRegion[] }): JSX.Element {
  const { t } = ac;
  const user = ac.user!;
  return (
    <AdminLayout ac={ac} title={t('admin.dashboard.title')} section="dashboard">
      <h1 safe>{t('admin.dashboard.title')}</h1>
      <p safe>{t('admin.dashboard.welcome', { name: user.name || user.email })}</p>
      <h2 safe>{t('admin.dashboard.regions')}</h2>
      {regions.length === 0 ? <p safe>{t('admin.dashboard.noRoles')}</p> : ''}
      {regions.map((r) => (
        <section class="card" aria-labelledby={`region-${r.code}`}>
          <h3 id={`region-${r.code}`} safe>
            {`${r.name} (${r.code})`}
          </h3>
          <p safe>{t('admin.dashboard.role', { role: t(`admin.role.${r.role}`) })}</p>
          {r.programmes.length === 0 ? (
            <p safe>{t('admin.dashboard.noProgrammes')}</p>
          ) : (
            <ul>
              {r.programmes.map((p) => (
                <li>
                  <a href={`/admin/regions/${r.code}/programmes/${encodeURIComponent(p.slug)}`} safe>
                    {`${p.title} ${p.period}`}
                  </a>
                  {p.currentVersion !== null ? (
                    <span
                      class="hint"
                      safe
                    >{` – ${t('admin.dashboard.currentVersion', { n: p.currentVersion })}`}</span>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          )}
          {roleSatisfies(r.role, 'editor') ? (
            <p>
              <a href={`/admin/regions/${r.code}/projects/import`} safe>
                {t('admin.projectImport.link')}
              </a>
            </p>
          ) : (
            ''
          )}
          <p>
            <a href={`/admin/regions/${r.code}/indicators`} safe>
              {t('admin.indicators.link')}
            </a>
          </p>
          {roleSatisfies(r.role, 'admin') ? (
            <p>
              <a href={`/admin/regions/${r.code}/consultation/personal-data`} safe>
                {t('consultationPrivacy.link')}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ))}
    </AdminLayout>
  );
}
