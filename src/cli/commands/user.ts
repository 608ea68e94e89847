/** `suunta user …`: user accounts of the admin interface. */
import { Option, type Command } from 'commander';
import { loadConfig, type Config } from '#src/config/config.ts';
import { CLI_ACTOR, ROLES } from '#src/domain/roles.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import { withAppContext, type Io } from '../io.ts';
import { REGION_HELP, regionCode } from '../options.ts';

export function registerUserCommands(program: Command, io: Io): void {
  const user = program.command('user').description('User accounts of the admin interface.');
  user
    .command('add')
    .summary('Add a user (or give a user a role) and print a one-time set-password link.')
    .usage('--email <address> --role admin|editor|moderator|viewer --region <code> [--name <name>]')
    .description(
      'Create a user with a role in a region, or give an existing user that role; prints a one-time link ' +
        '(valid 72 hours) with which the user sets a password. For an existing user the new link replaces ' +
        'earlier unused links, so this also resets a forgotten password.',
    )
    .requiredOption('--email <address>', 'e-mail address (the sign-in name)')
    .addOption(new Option('--role <role>', 'role in the region').choices([...ROLES]).makeOptionMandatory())
    .requiredOption('--region <code>', REGION_HELP, regionCode)
    .option('--name <name>', 'display name (default: the part of the address before @)')
    .action(async (options: { email: string; role: string; region: string; name?: string }) => {
      const config = loadConfig();
      const result = await withAppContext(
        (ctx) =>
          new AccountService(ctx.db.kysely).addUser(
            { email: options.email, name: options.name, role: options.role, regionCode: options.region },
            CLI_ACTOR,
            { linkForExisting: 'always' },
          ),
        config,
      );
      io.out(
        `${result.created ? 'Added' : 'Updated'} ${result.user.email}: ${options.role} in region ${options.region}\n`,
      );
      if (result.token)
        io.out(
          'One-time set-password link (valid 72 hours, single use):\n' +
            `${publicBaseUrl(config)}/admin/set-password/${result.token}\n`,
        );
    });
  user
    .command('list')
    .summary('List users with their roles.')
    .description('List every user: e-mail address, name, status and roles per region.')
    .action(async () => {
      const users = await withAppContext((ctx) => new AccountService(ctx.db.kysely).listUsers());
      if (users.length === 0)
        io.out('No users. Add the first admin with `suunta user add --email … --role admin --region …`.\n');
      for (const u of users) {
        const status = u.disabled ? 'disabled' : u.passwordHash === null ? 'password not set' : 'active';
        const roles = u.roles.map((r) => `${r.regionCode}:${r.role}`).join(', ') || 'no roles';
        io.out(`${u.email}\t${u.name}\t${status}\t${roles}\n`);
      }
    });
}

/** The address links printed by the CLI start with: SUUNTA_PUBLIC_URL, else http://HOST:PORT. */
function publicBaseUrl(config: Config): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const host =
    config.host === '0.0.0.0' || config.host === '::'
      ? 'localhost'
      : config.host.includes(':')
        ? `[${config.host}]`
        : config.host;
  return `http://${host}:${config.port}`;
}
