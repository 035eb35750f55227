import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../../src/lib/server/db/client';
import { PasswordHasher } from '../../src/lib/server/auth/password-hasher';

let databasePath: string;

/** Runs `npm run user -- …` (tsx scripts/user.ts) against the test database. */
function user(args: string[], input = '') {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], {
		env: { ...process.env, DATABASE_PATH: databasePath },
		input,
		encoding: 'utf8',
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts tsx and hashes with the production scrypt parameters: seconds, not milliseconds.
describe('npm run user (the account CLI)', { timeout: 120_000 }, () => {
	beforeAll(() => {
		databasePath = join(mkdtempSync(join(tmpdir(), 'plejeoverblik-cli-')), 'register.sqlite');
		openMigratedDatabase(databasePath).$client.close();
	});

	it('starts with no accounts at all (no default account or password)', () => {
		expect(user(['list'])).toMatchObject({ status: 0, stdout: '' });
	});

	it('creates the first administrator with a password from stdin, hashed with OWASP scrypt', async () => {
		const created = user(
			[
				'create',
				'--email',
				'Admin@Example.dk',
				'--name',
				'Anne Admin',
				'--role',
				'administrator',
				'--password-stdin',
			],
			'en lang og god adgangskode\n',
		);
		expect(created.stderr).toBe('');
		expect(created).toMatchObject({ status: 0 });
		expect(created.stdout).toContain('Oprettet: admin@example.dk (Administrator');
		const db = openMigratedDatabase(databasePath);
		const row = db.$client.prepare('SELECT password_hash AS hash FROM accounts').get() as {
			hash: string;
		};
		const audit = db.$client.prepare('SELECT actor_label, action FROM audit_log').all();
		db.$client.close();
		expect(row.hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
		expect(await new PasswordHasher().verify(row.hash, 'en lang og god adgangskode')).toBe(true);
		expect(audit).toEqual([{ actor_label: 'kommandolinje', action: 'account.created' }]);
	});

	it('refuses a short password, a duplicate e-mail and a missing scope, in Danish', () => {
		const short = user(
			[
				'create',
				'--email',
				'b@example.dk',
				'--name',
				'B',
				'--role',
				'administrator',
				'--password-stdin',
			],
			'kort\n',
		);
		expect(short.status).toBe(1);
		expect(short.stderr).toContain('mindst 12 tegn');
		const duplicate = user([
			'create',
			'--email',
			'admin@example.dk',
			'--name',
			'A',
			'--role',
			'administrator',
			'--generate-password',
		]);
		expect(duplicate.stderr).toContain('findes allerede');
		const scope = user([
			'create',
			'--email',
			'c@example.dk',
			'--name',
			'C',
			'--role',
			'provider-editor',
			'--generate-password',
		]);
		expect(scope.stderr).toContain('leverandør');
	});

	it('resets a password (printing a generated one once) and disables an account', () => {
		const reset = user(['reset-password', '--email', 'admin@example.dk', '--generate-password']);
		expect(reset.status).toBe(0);
		expect(reset.stdout).toMatch(/Adgangskode \(vises kun nu\): [A-Za-z0-9_-]{24}/);
		// The last administrator cannot be disabled; a second one can.
		expect(user(['disable', '--email', 'admin@example.dk']).status).toBe(1);
		user([
			'create',
			'--email',
			'to@example.dk',
			'--name',
			'To',
			'--role',
			'administrator',
			'--generate-password',
		]);
		expect(user(['disable', '--email', 'to@example.dk'])).toMatchObject({ status: 0 });
		expect(user(['list']).stdout).toMatch(/to@example\.dk.*deaktiveret/);
	});

	it('explains usage errors with exit code 2', () => {
		expect(user(['fjern']).status).toBe(2);
		expect(user(['disable']).stderr).toContain('--email mangler');
	});
});
