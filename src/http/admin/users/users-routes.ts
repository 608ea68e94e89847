/**
 * Users of a region, for its admins: GET /admin/users?region=, invitations POST /admin/users
 * (the one-time link is shown once, in the answer), and per user POST /admin/users/:id/role,
 * /disable, /enable and /link. Every change is audited by the account service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import { z } from 'zod';
import { FieldErrors } from '#src/domain/edit-errors.ts';
import { isRole, ROLES, type Role } from '#src/domain/roles.ts';
import type { MessageKey } from '#src/i18n/index.ts';
import { isValidEmail, MAX_NAME_LENGTH, type UserWithRoles } from '#src/services/accounts/account-service.ts';
import type { AppContext } from '#src/services/app-context.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import { UsersPage, type UserListRow, type UsersPageProps } from '#src/views/admin/users/users-page.tsx';
import { baseUrlOf } from '../../site/index.ts';
import {
  actorOf,
  adminRoute,
  regionFromBody,
  regionFromQuery,
  regionsWithRole,
  type AdminRequest,
  type AdminUser,
} from '../admin-route.ts';
import { adminRenderContext, sendAdminPage } from '../admin-page.ts';
import { adminForm, type FormFailure } from '../admin-form.ts';
import { formSchema, textField } from '#src/http/forms/form-fields.ts';
import { one } from '#src/http/forms/form-input.ts';
import { accountServices } from '../auth/session-auth.ts';

/** The admin administers every region where `target` has a role. */
function manages(admin: AdminUser, target: UserWithRoles): boolean {
  const mine = new Set(regionsWithRole(admin, 'admin'));
  return target.roles.every((r) => mine.has(r.regionCode));
}

type Extras = Pick<UsersPageProps, 'notice' | 'link'> & {
  invite?: UsersPageProps['invite'];
  inviteErrors?: FieldError[];
};

const NOTICES: Record<string, MessageKey> = {
  'role-changed': 'admin.users.roleChanged',
  'role-removed': 'admin.users.roleRemoved',
  disabled: 'admin.users.disabledDone',
  enabled: 'admin.users.enabledDone',
};

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { accounts } = accountServices(ctx);

  const regionNames = async (lang: 'fi' | 'sv' | 'en'): Promise<Map<string, string>> =>
    new Map((await ctx.reader.regions()).map((r) => [r.code, pickText(r.name, lang)?.text ?? r.code]));

  const usersPage = async (
    request: AdminRequest,
    reply: FastifyReply,
    regionCode: string,
    extras: Extras,
    status = 200,
  ): Promise<FastifyReply> => {
    const admin = request.auth.user;
    const names = await regionNames(request.adminLang);
    if (!names.has(regionCode)) throw notFound(`Region "${regionCode}"`);
    const users: UserListRow[] = (await accounts.listUsersInRegions([regionCode])).map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.roles.find((r) => r.regionCode === regionCode)!.role,
      status: u.disabled ? 'disabled' : u.passwordHash === null ? 'pending' : 'active',
      self: u.id === admin.id,
      manageable: manages(admin, u),
    }));
    const props: UsersPageProps = {
      ac: adminRenderContext(request),
      region: { code: regionCode, name: names.get(regionCode)! },
      adminRegions: regionsWithRole(admin, 'admin').map((code) => ({ code, name: names.get(code) ?? code })),
      users,
      notice: extras.notice,
      link: extras.link,
      invite: extras.invite ?? { email: '', name: '', role: 'editor' },
      inviteErrors: extras.inviteErrors ?? [],
    };
    return sendAdminPage(request, reply, (ac) => UsersPage({ ...props, ac }), status);
  };

  const linkUrl = (request: FastifyRequest, token: string): string =>
    `${baseUrlOf(ctx, request)}/admin/set-password/${token}`;

  adminRoute<{ Querystring: { region?: string; notice?: string; email?: string; role?: string } }>(app, ctx, {
    method: 'GET',
    url: '/admin/users',
    rule: { kind: 'role', role: 'admin', region: regionFromQuery },
    handler: async (request, reply) => {
      const { t } = adminRenderContext(request);
      const { notice, email, role } = request.query;
      const key = typeof notice === 'string' ? NOTICES[notice] : undefined;
      const shown =
        key && typeof email === 'string' && isValidEmail(email)
          ? {
              kind: 'success' as const,
              text: t(key, { email, role: isRole(role) ? t(`admin.role.${role}`) : '' }),
            }
          : undefined;
      return usersPage(request, reply, regionFromQuery(request), { notice: shown });
    },
  });

  adminForm(app, ctx, {
    url: '/admin/users',
    rule: { kind: 'role', role: 'admin', region: regionFromBody },
    schema: (request) => {
      const { t } = adminRenderContext(request);
      return formSchema(
        {
          email: textField.pipe(
            z
              .string()
              .trim()
              .refine(isValidEmail, { error: t('admin.users.emailInvalid') }),
          ),
          name: textField.pipe(
            z
              .string()
              .trim()
              .max(MAX_NAME_LENGTH, { error: t('admin.users.nameTooLong', { max: MAX_NAME_LENGTH }) }),
          ),
          role: textField.pipe(z.enum(ROLES, { error: t('admin.users.roleInvalid') })),
        },
        (f) => f,
      );
    },
    // The messages are whole sentences in the UI language already.
    fieldErrors: (_request, fields) => Object.entries(fields).map(([field, message]) => ({ field, message })),
    action: async (invite, request, reply) => {
      const { t } = adminRenderContext(request);
      const region = regionFromBody(request);
      const existing = await accounts.userByEmail(invite.email);
      if (existing?.id === request.auth.user.id) throw new FieldErrors('Not invited', { email: t('admin.users.self') });
      const result = await accounts.addUser(
        { email: invite.email, name: invite.name, role: invite.role, regionCode: region },
        actorOf(request),
        {
          linkForExisting: existing && manages(request.auth.user, existing) ? 'if-no-password' : 'never',
        },
      );
      const roleName = isRole(invite.role) ? t(`admin.role.${invite.role}`) : invite.role;
      const email = result.user.email;
      // The one-time link is shown once, in this answer (never in a URL).
      return usersPage(request, reply, region, {
        notice: {
          kind: 'success',
          text: t(result.created ? 'admin.users.invited' : 'admin.users.roleAdded', { email, role: roleName }),
        },
        ...(result.token ? { link: { email, url: linkUrl(request, result.token) } } : {}),
      });
    },
    view: (request, reply, f) => {
      const invite = {
        email: one(f.sent, 'email').trim(),
        name: one(f.sent, 'name').trim(),
        role: one(f.sent, 'role'),
      };
      return usersPage(request, reply, regionFromBody(request), { invite, inviteErrors: f.errors }, f.status);
    },
  });

  /** The user `:id` with a role in the form's region; the admin may not act on themself. */
  const target = async (
    request: AdminRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): Promise<{ user: UserWithRoles; region: string } | FastifyReply> => {
    const region = regionFromBody(request);
    const id = /^\d{1,10}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    const user = Number.isFinite(id) ? await accounts.user(id) : null;
    if (!user || !user.roles.some((r) => r.regionCode === region))
      throw notFound(`User ${request.params.id} in region ${region}`);
    if (user.id === request.auth.user.id) {
      return usersPage(
        request,
        reply,
        region,
        { notice: { kind: 'error', text: adminRenderContext(request).t('admin.users.self') } },
        400,
      );
    }
    return { user, region };
  };
  const doneUrl = (region: string, notice: string, email: string, role?: Role): string =>
    `/admin/users?region=${region}&notice=${notice}&email=${encodeURIComponent(email)}${role ? `&role=${role}` : ''}`;
  /** The posts without fields of their own (disable, enable, link): only the region and the CSRF token. */
  const noFields = formSchema({}, () => ({}));

  /** A refused user post: the users page again, with the refused field named (in the admin language). */
  const refusedPost = (request: AdminRequest<{ Params: { id: string } }>, reply: FastifyReply, f: FormFailure) =>
    usersPage(request, reply, regionFromBody(request), { notice: { kind: 'error', text: f.message } }, f.status);

  adminForm<AdminRequest<{ Params: { id: string } }>, { role: Role | null }>(app, ctx, {
    url: '/admin/users/:id/role',
    rule: { kind: 'role', role: 'admin', region: regionFromBody },
    schema: (request) =>
      formSchema(
        {
          role: textField.pipe(
            z.union([z.literal(''), z.enum(ROLES)], {
              error: adminRenderContext(request).t('admin.users.roleInvalid'),
            }),
          ),
        },
        (f) => ({ role: f.role === '' ? null : f.role }),
      ),
    action: async ({ role }, request, reply) => {
      const found = await target(request, reply);
      if (!('user' in found)) return found;
      await accounts.changeRole(found.user.id, found.region, role, actorOf(request));
      return role === null
        ? doneUrl(found.region, 'role-removed', found.user.email)
        : doneUrl(found.region, 'role-changed', found.user.email, role);
    },
    view: refusedPost,
  });

  const managed = async (
    request: AdminRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): Promise<{ user: UserWithRoles; region: string } | FastifyReply> => {
    const found = await target(request, reply);
    if (!('user' in found)) return found;
    if (!manages(request.auth.user, found.user)) {
      return usersPage(
        request,
        reply,
        found.region,
        { notice: { kind: 'error', text: adminRenderContext(request).t('admin.users.otherRegions') } },
        403,
      );
    }
    return found;
  };

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    adminForm<AdminRequest<{ Params: { id: string } }>, object>(app, ctx, {
      url: `/admin/users/:id/${action}`,
      rule: { kind: 'role', role: 'admin', region: regionFromBody },
      schema: noFields,
      action: async (_input, request, reply) => {
        const found = await managed(request, reply);
        if (!('user' in found)) return found;
        await accounts.setDisabled(found.user.id, disabled, found.region, actorOf(request));
        return doneUrl(found.region, disabled ? 'disabled' : 'enabled', found.user.email);
      },
      view: refusedPost,
    });
  }

  adminForm<AdminRequest<{ Params: { id: string } }>, object>(app, ctx, {
    url: '/admin/users/:id/link',
    rule: { kind: 'role', role: 'admin', region: regionFromBody },
    schema: noFields,
    view: refusedPost,
    action: async (_input, request, reply) => {
      const found = await managed(request, reply);
      if (!('user' in found)) return found;
      const { token } = await accounts.reissueLink(found.user.id, found.region, actorOf(request));
      return usersPage(request, reply, found.region, {
        link: { email: found.user.email, url: linkUrl(request, token) },
      });
    },
  });
}
