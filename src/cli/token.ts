/**
 * `npm run token -- <subject> [--role curator|reader]... [--expires 1h]`: prints an HS256 token signed with
 * AUTH_JWT_SECRET (with AUTH_ISSUER, AUTH_AUDIENCE and AUTH_ROLES_CLAIM when set), for development and tests.
 */
import { mintToken, type TokenRequest } from '../auth/mint';
import { ROLES, type Role } from '../auth/tokens';
import { loadConfig } from '../config';
import { runCli, UserError } from '../errors';

const USAGE = 'usage: npm run token -- <subject> [--role curator|reader]... [--expires 1h]';

export function parseArguments(args: string[]): TokenRequest {
  const roles: Role[] = [];
  let subject: string | undefined;
  let expiresIn = '1h';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--role') {
      const role = args[++i] as Role;
      if (!ROLES.includes(role)) throw new UserError(`--role must be ${ROLES.join(' or ')}, got '${args[i] ?? ''}'\n${USAGE}`);
      roles.push(role);
    } else if (arg === '--expires') {
      expiresIn = args[++i] ?? '';
      if (!/^\d+\s*(s|m|h|d)$/.test(expiresIn)) throw new UserError(`--expires must be a duration such as 30m, 1h or 7d, got '${expiresIn}'\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') throw new UserError(USAGE);
    else if (arg.startsWith('--')) throw new UserError(`unknown option ${arg}\n${USAGE}`);
    else if (subject === undefined) subject = arg;
    else throw new UserError(`one subject only\n${USAGE}`);
  }
  if (!subject) throw new UserError(`no subject given (who the token speaks for, recorded as loadedBy)\n${USAGE}`);
  return { subject, roles: roles.length ? roles : ['curator'], expiresIn };
}

if (require.main === module) {
  void runCli(async () => {
    const request = parseArguments(process.argv.slice(2));
    process.stdout.write(`${await mintToken(loadConfig().auth, request)}\n`);
  });
}
