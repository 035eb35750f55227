/**
 * `npm run user -- <command>`: manages editor accounts from the server's command line. This is how
 * the first administrator is made; there are no default accounts or passwords.
 *
 *   create --email E --name N --role administrator|provider-editor|inspection-editor
 *          [--provider kommune-0751|cvr-…] [--authority ID] [--password-stdin | --generate-password]
 *   disable --email E
 *   enable --email E
 *   reset-password --email E [--password-stdin | --generate-password]
 *   list
 *
 * Without --password-stdin or --generate-password the password is asked for twice on the terminal
 * (not echoed). Every change is written to the audit log as made by "kommandolinje".
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PASSWORD_MIN_LENGTH } from '../src/lib/domain/auth/password-policy';
import { ROLE_LABELS } from '../src/lib/domain/auth/roles';
import { OWASP_SCRYPT, PasswordHasher } from '../src/lib/server/auth/password-hasher';
import { loadConfig } from '../src/lib/server/config';
import { AccountService } from '../src/lib/server/services/accounts/account-service';
import { COMMAND_LINE } from '../src/lib/server/services/accounts/audit-actor';
import { EXIT, openDatabaseOrExit, usageError } from './lib/cli';

const USAGE = `Brug:
  npm run user -- create --email E --name "Navn" --role administrator|provider-editor|inspection-editor
                  [--provider kommune-0751|cvr-12345678] [--authority aeldretilsynet]
                  [--password-stdin | --generate-password]
  npm run user -- disable --email E
  npm run user -- enable --email E
  npm run user -- reset-password --email E [--password-stdin | --generate-password]
  npm run user -- list`;

const ROLE_ALIASES: Record<string, string> = {
	administrator: 'administrator',
	'provider-editor': 'provider_editor',
	provider_editor: 'provider_editor',
	'inspection-editor': 'inspection_editor',
	inspection_editor: 'inspection_editor',
};

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		role: { type: 'string' },
		provider: { type: 'string' },
		authority: { type: 'string' },
		'password-stdin': { type: 'boolean', default: false },
		'generate-password': { type: 'boolean', default: false },
	},
});

/** Reads one line from a terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		process.stderr.write(prompt);
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		let text = '';
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') {
					stdin.setRawMode(false);
					stdin.pause();
					stdin.off('data', onData);
					process.stderr.write('\n');
					resolve(text);
					return;
				}
				if (char === '\u0003') {
					stdin.setRawMode(false);
					reject(new Error('Afbrudt.'));
					return;
				}
				if (char === '\u007f' || char === '\b') text = [...text].slice(0, -1).join('');
				else text += char;
			}
		};
		stdin.on('data', onData);
	});
}

async function readStdinLine(): Promise<string> {
	let data = '';
	for await (const chunk of process.stdin) data += chunk;
	return data.split(/\r?\n/)[0] ?? '';
}

/** The new password: generated, from stdin, or typed twice on a terminal. */
async function newPassword(): Promise<{ password: string; generated: boolean }> {
	if (values['generate-password']) {
		return { password: randomBytes(18).toString('base64url'), generated: true };
	}
	if (values['password-stdin']) return { password: await readStdinLine(), generated: false };
	if (!process.stdin.isTTY) {
		usageError(
			'ingen terminal at spørge på: brug --password-stdin eller --generate-password.',
			USAGE,
		);
	}
	const first = await askHidden(`Ny adgangskode (mindst ${PASSWORD_MIN_LENGTH} tegn): `);
	const second = await askHidden('Gentag adgangskoden: ');
	if (first !== second) {
		process.stderr.write('Fejl: de to adgangskoder er ikke ens.\n');
		process.exit(EXIT.failed);
	}
	return { password: first, generated: false };
}

function fail(errors: { field: string; message: string }[]): never {
	for (const error of errors) process.stderr.write(`Fejl (${error.field}): ${error.message}\n`);
	process.exit(EXIT.failed);
}

const command = positionals[0];
if (!command || positionals.length !== 1) usageError('angiv én kommando.', USAGE);
if (!['create', 'disable', 'enable', 'reset-password', 'list'].includes(command)) {
	usageError(`ukendt kommando «${command}».`, USAGE);
}
if (command !== 'list' && !values.email) usageError('--email mangler.', USAGE);

const db = openDatabaseOrExit(loadConfig().databasePath);
const accounts = new AccountService(db, new PasswordHasher(OWASP_SCRYPT), () => new Date());
try {
	if (command === 'list') {
		for (const a of accounts.list()) {
			const scope = a.providerId ?? a.authorityId ?? '-';
			process.stdout.write(
				`${a.id}\t${a.email}\t${a.name}\t${ROLE_LABELS[a.role]}\t${scope}\t${a.status === 'active' ? 'aktiv' : 'deaktiveret'}\n`,
			);
		}
	} else if (command === 'create') {
		const role = ROLE_ALIASES[values.role ?? ''];
		if (!role)
			usageError('--role skal være administrator, provider-editor eller inspection-editor.', USAGE);
		const { password, generated } = await newPassword();
		const result = await accounts.create(COMMAND_LINE, {
			email: values.email!,
			name: values.name ?? '',
			role,
			providerId: values.provider ?? null,
			authorityId: values.authority ?? null,
			password,
		});
		if (!result.ok) fail(result.errors);
		process.stdout.write(
			`Oprettet: ${result.value.email} (${ROLE_LABELS[result.value.role]}, id ${result.value.id}).\n`,
		);
		if (generated) process.stdout.write(`Adgangskode (vises kun nu): ${password}\n`);
	} else {
		const account = accounts.findByEmail(values.email!);
		if (!account) {
			process.stderr.write(`Fejl: ingen konto med e-mail ${values.email}.\n`);
			process.exit(EXIT.failed);
		}
		if (command === 'reset-password') {
			const { password, generated } = await newPassword();
			const result = await accounts.setPassword(COMMAND_LINE, account.id, password);
			if (!result.ok) fail(result.errors);
			process.stdout.write(
				`Adgangskoden er skiftet for ${account.email}; kontoens sessioner er afsluttet.\n`,
			);
			if (generated) process.stdout.write(`Adgangskode (vises kun nu): ${password}\n`);
		} else {
			const result = accounts.setStatus(
				COMMAND_LINE,
				account.id,
				command === 'disable' ? 'disabled' : 'active',
			);
			if (!result.ok) fail(result.errors);
			process.stdout.write(
				`${account.email} er ${command === 'disable' ? 'deaktiveret; sessionerne er afsluttet' : 'aktiv igen'}.\n`,
			);
		}
	}
	process.exitCode = EXIT.ok;
} finally {
	db.$client.close();
}
