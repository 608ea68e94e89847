/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The users of a region (for its admins): each user's role, status and actions (change role,
 * disable or enable, new set-password link), the invitation form, and a one-time link when one
 * was just made.
 */
import { ROLES, type Role } from '#src/domain/roles.ts';
import { CsrfField, ErrorSummary, errorFor, Notice, SelectField, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

export interface UserListRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled' | 'pending';
  /** The signed-in admin themself. */
  self: boolean;
  /** The admin may disable the user and issue links (they administer all the user's regions). */
  manageable: boolean;
}

export interface UsersPageProps {
  ac: AdminRenderContext;
  region: { code: string; name: string };
  /** The regions this admin administers (the region chooser). */
  adminRegions: { code: string; name: string }[];
  users: UserListRow[];
  notice?: { kind: 'success' | 'error'; text: string } | undefined;
  /** A one-time link made just now, shown once. */
  link?: { email: string; url: string } | undefined;
  invite: { email: string; name: string; role: string };
  inviteErrors: FieldError[];
}

const STATUS_KEYS = {
  active: 'admin.users.active',
  disabled: 'admin.users.disabled',
  pending: 'admin.users.pending',
} as const;

function roleOptions(ac: AdminRenderContext, withNone: boolean): { value: string; label: string }[] {
  const options = ROLES.map((r) => ({ value: r, label: ac.t(`admin.role.${r}`) }));
  return withNone ? [...options, { value: '', label: ac.t('admin.role.none') }] : options;
}

function UserActions({ ac, user, region }: { ac: AdminRenderContext; user: UserListRow; region: string }): JSX.Element {
  const { t } = ac;
  if (user.self)
    return (
      <span class="hint" safe>
        {t('admin.users.self')}
      </span>
    );
  return (
    <div class="stack">
      <form method="post" action={`/admin/users/${user.id}/role`} class="inline-form">
        <CsrfField ac={ac} />
        <input type="hidden" name="region" value={region} />
        <label for={`role-${user.id}`} class="visually-hidden" safe>
          {t('admin.users.roleFor', { email: user.email })}
        </label>
        <select id={`role-${user.id}`} name="role">
          {roleOptions(ac, true).map((o) => (
            <option value={o.value} selected={o.value === user.role} safe>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-secondary" safe>
          {t('admin.users.changeRole')}
        </button>
      </form>
      {user.manageable ? (
        <div class="cluster">
          <form
            method="post"
            action={`/admin/users/${user.id}/${user.status === 'disabled' ? 'enable' : 'disable'}`}
            class="inline-form"
          >
            <CsrfField ac={ac} />
            <input type="hidden" name="region" value={region} />
            <button
              type="submit"
              class={user.status === 'disabled' ? 'button button-secondary' : 'button button-danger'}
              safe
            >
              {user.status === 'disabled' ? t('admin.users.enable') : t('admin.users.disable')}
            </button>
          </form>
          {user.status !== 'disabled' ? (
            <form method="post" action={`/admin/users/${user.id}/link`} class="inline-form">
              <CsrfField ac={ac} />
              <input type="hidden" name="region" value={region} />
              <button type="submit" class="button button-secondary" safe>
                {t('admin.users.reissue')}
              </button>
            </form>
          ) : (
            ''
          )}
        </div>
      ) : (
        <p class="hint" safe>
          {t('admin.users.otherRegions')}
        </p>
      )}
    </div>
  );
}

export function UsersPage(props: UsersPageProps): JSX.Element {
  const { ac, region } = props;
  const { t } = ac;
  return (
    <AdminLayout ac={ac} title={`${t('admin.users.title')}: ${region.name}`} section="users">
      <h1 safe>{`${t('admin.users.title')}: ${region.name}`}</h1>
      {props.notice ? <Notice kind={props.notice.kind}>{<p safe>{props.notice.text}</p>}</Notice> : ''}
      {props.link ? (
        <Notice kind="success">
          <h2 safe>{t('admin.users.linkTitle', { email: props.link.email })}</h2>
          <p safe>{t('admin.users.linkText')}</p>
          <p>
            <code class="one-time-link" safe>
              {props.link.url}
            </code>
          </p>
        </Notice>
      ) : (
        ''
      )}
      <p safe>{t('admin.users.intro', { region: region.name })}</p>
      {props.adminRegions.length > 1 ? (
        <form method="get" action="/admin/users" class="cluster">
          <SelectField
            ac={ac}
            name="region"
            label={t('admin.users.region')}
            value={region.code}
            options={props.adminRegions.map((r) => ({ value: r.code, label: r.name }))}
          />
          <button type="submit" class="button button-secondary" safe>
            {t('admin.users.show')}
          </button>
        </form>
      ) : (
        ''
      )}
      {props.users.length === 0 ? (
        <p safe>{t('admin.users.none')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden" safe>
            {`${t('admin.users.title')}: ${region.name}`}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('admin.users.email')}
              </th>
              <th scope="col" safe>
                {t('admin.users.name')}
              </th>
              <th scope="col" safe>
                {t('admin.users.role')}
              </th>
              <th scope="col" safe>
                {t('admin.users.status')}
              </th>
              <th scope="col" safe>
                {t('admin.users.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <th scope="row" safe>
                  {u.self ? `${u.email} ${t('admin.users.you')}` : u.email}
                </th>
                <td safe>{u.name}</td>
                <td safe>{t(`admin.role.${u.role}`)}</td>
                <td safe>{t(STATUS_KEYS[u.status])}</td>
                <td>
                  <UserActions ac={ac} user={u} region={region.code} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="invite" safe>
        {t('admin.users.inviteTitle')}
      </h2>
      <p safe>{t('admin.users.inviteIntro')}</p>
      <ErrorSummary ac={ac} errors={props.inviteErrors} />
      <form method="post" action="/admin/users" class="stack narrow" novalidate>
        <CsrfField ac={ac} />
        <input type="hidden" name="region" value={region.code} />
        <TextField
          ac={ac}
          name="email"
          type="email"
          label={t('admin.users.email')}
          value={props.invite.email}
          required
          autocomplete="off"
          error={errorFor(props.inviteErrors, 'email')}
        />
        <TextField
          ac={ac}
          name="name"
          label={t('admin.users.name')}
          value={props.invite.name}
          autocomplete="off"
          error={errorFor(props.inviteErrors, 'name')}
        />
        <SelectField
          ac={ac}
          name="role"
          label={t('admin.users.role')}
          value={props.invite.role || 'editor'}
          options={roleOptions(ac, false)}
          required
          error={errorFor(props.inviteErrors, 'role')}
        />
        <p>
          <button type="submit" class="button" safe>
            {t('admin.users.inviteSubmit')}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}
