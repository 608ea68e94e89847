/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The user's own account: e-mail, name, roles per region, and "log out everywhere". */
import { CsrfField } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export interface AccountPageProps {
  ac: AdminRenderContext;
  /** Region names by code, in the UI language. */
  regionNames: ReadonlyMap<string, string>;
}

export function AccountPage({ ac, regionNames }: AccountPageProps): JSX.Element {
  const { t } = ac;
  const user = ac.user!;
  return (
    <AdminLayout ac={ac} title={t('admin.account.title')} section="account">
      <h1 safe>{t('admin.account.title')}</h1>
      <dl class="facts">
        <dt safe>{t('admin.account.email')}</dt>
        <dd safe>{user.email}</dd>
        <dt safe>{t('admin.account.name')}</dt>
        <dd safe>{user.name}</dd>
      </dl>
      <h2 safe>{t('admin.account.roles')}</h2>
      {user.roles.length === 0 ? (
        <p safe>{t('admin.dashboard.noRoles')}</p>
      ) : (
        <ul>
          {user.roles.map((r) => (
            <li safe>{`${regionNames.get(r.regionCode) ?? r.regionCode}: ${t(`admin.role.${r.role}`)}`}</li>
          ))}
        </ul>
      )}
      <h2 safe>{t('admin.account.sessionsTitle')}</h2>
      <p safe>{t('admin.account.sessionsText')}</p>
      <form method="post" action="/admin/logout-everywhere">
        <CsrfField ac={ac} />
        <button type="submit" class="button button-secondary" safe>
          {t('admin.logoutEverywhere')}
        </button>
      </form>
    </AdminLayout>
  );
}
