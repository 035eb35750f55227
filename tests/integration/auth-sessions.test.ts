import { beforeEach, describe, expect, it } from 'vitest';
import { SessionRepository } from '../../src/lib/server/repositories/session-repository';
import { AccountRepository } from '../../src/lib/server/repositories/account-repository';
import { COMMAND_LINE } from '../../src/lib/server/services/accounts/audit-actor';
import { sessionIdFor } from '../../src/lib/server/auth/tokens';
import { createWorld, type World } from './reporting-world';

const IP = '203.0.113.7';

describe('login, sessions and logout (real SQLite, fake clock)', () => {
	let w: World;
	beforeEach(async () => {
		w = await createWorld();
	});
	const login = (email = 'redaktoer@aarhus.dk', password = w.password, presentedToken?: string) =>
		w.rt.login.login({ email, password, ip: IP, presentedToken });

	it('logs in case-insensitively and stores only the hash of the token', async () => {
		const result = await login('  Redaktoer@AARHUS.dk ');
		if (!result.ok) throw new Error(result.reason);
		expect(result.actor).toMatchObject({ role: 'provider_editor', providerId: 'kommune-0751' });
		const sessions = w.db.$client.prepare('SELECT * FROM sessions').all() as { id: string }[];
		expect(sessions).toHaveLength(1);
		expect(sessions[0]!.id).toBe(sessionIdFor(result.token));
		expect(JSON.stringify(sessions)).not.toContain(result.token);
		expect(w.rt.login.validate(result.token)?.actor.email).toBe('redaktoer@aarhus.dk');
	});

	it('refuses a wrong password, an unknown e-mail and a disabled account the same way', async () => {
		expect(await login('redaktoer@aarhus.dk', 'forkert adgangskode!')).toEqual({
			ok: false,
			reason: 'invalid',
		});
		expect(await login('ukendt@aarhus.dk')).toEqual({ ok: false, reason: 'invalid' });
		w.rt.accounts.setStatus(COMMAND_LINE, w.aarhus.id, 'disabled');
		expect(await login()).toEqual({ ok: false, reason: 'invalid' });
	});

	it('starts a new session on every login and ends the one the browser presented', async () => {
		const first = await login();
		if (!first.ok) throw new Error();
		const second = await login(undefined, undefined, first.token);
		if (!second.ok) throw new Error();
		expect(second.token).not.toBe(first.token);
		expect(second.session.csrfToken).not.toBe(first.session.csrfToken);
		expect(w.rt.login.validate(first.token)).toBeNull();
		expect(w.rt.login.validate(second.token)).not.toBeNull();
	});

	it('ends a session after 30 idle minutes, and slides while used', async () => {
		const result = await login();
		if (!result.ok) throw new Error();
		w.clock.advance(29 * 60_000);
		expect(w.rt.login.validate(result.token)).not.toBeNull();
		w.clock.advance(29 * 60_000);
		expect(w.rt.login.validate(result.token)).not.toBeNull();
		w.clock.advance(30 * 60_000);
		expect(w.rt.login.validate(result.token)).toBeNull();
		expect(new SessionRepository(w.db).byId(sessionIdFor(result.token))).toBeNull();
	});

	it('ends a session at the absolute limit of 10 hours however active', async () => {
		const result = await login();
		if (!result.ok) throw new Error();
		for (let i = 0; i < 39; i++) {
			w.clock.advance(15 * 60_000);
			expect(w.rt.login.validate(result.token)).not.toBeNull();
		}
		w.clock.advance(15 * 60_000);
		expect(w.rt.login.validate(result.token)).toBeNull();
	});

	it('logs out, and a disabled account or a reset password ends all its sessions', async () => {
		const a = await login();
		const b = await login();
		const c = await login();
		if (!a.ok || !b.ok || !c.ok) throw new Error();
		w.rt.login.logout(a.token);
		expect(w.rt.login.validate(a.token)).toBeNull();
		expect(w.rt.login.validate(b.token)).not.toBeNull();
		await w.rt.accounts.setPassword(COMMAND_LINE, w.aarhus.id, 'en helt ny adgangskode');
		expect(w.rt.login.validate(b.token)).toBeNull();
		const d = await login(undefined, 'en helt ny adgangskode');
		if (!d.ok) throw new Error();
		w.rt.accounts.setStatus(COMMAND_LINE, w.aarhus.id, 'disabled');
		expect(w.rt.login.validate(d.token)).toBeNull();
	});

	it("keeps the user's own session when they change their password, ends the others", async () => {
		const mine = await login();
		const other = await login();
		if (!mine.ok || !other.ok) throw new Error();
		const refused = await w.rt.accounts.changeOwnPassword(
			w.aarhus,
			mine.session.id,
			'forkert nuværende',
			'endnu en ny adgangskode',
		);
		expect(refused.ok).toBe(false);
		const changed = await w.rt.accounts.changeOwnPassword(
			w.aarhus,
			mine.session.id,
			w.password,
			'endnu en ny adgangskode',
		);
		expect(changed.ok).toBe(true);
		expect(w.rt.login.validate(mine.token)).not.toBeNull();
		expect(w.rt.login.validate(other.token)).toBeNull();
	});

	it('rate-limits login attempts per account with Retry-After, and lets the owner in later', async () => {
		for (let i = 0; i < 5; i++) {
			expect(await login(undefined, 'forkert gæt nummer ' + i)).toMatchObject({
				reason: 'invalid',
			});
		}
		expect(await login()).toEqual({ ok: false, reason: 'rate_limited', retryAfterSeconds: 60 });
		w.clock.advance(60_000);
		expect((await login()).ok).toBe(true);
	});

	it('writes logins, failed logins and account changes to the audit log, never the password', async () => {
		await login(undefined, 'forkert adgangskode!');
		await login();
		await w.rt.accounts.setPassword(COMMAND_LINE, w.aarhus.id, 'en helt ny adgangskode');
		const { rows } = w.rt.auditLog.page(
			{ entityType: 'account', entityId: String(w.aarhus.id) },
			50,
			0,
		);
		expect(rows.map((r) => r.action)).toEqual([
			'account.password_reset',
			'login.succeeded',
			'login.failed',
			'account.created',
		]);
		expect(JSON.stringify(rows)).not.toMatch(/adgangskode!|ny adgangskode|scrypt/);
		expect(rows[3]!.changes).toMatchObject({ role: [null, 'provider_editor'] });
	});

	it('refuses weak passwords, bad scopes and duplicate e-mails when creating accounts', async () => {
		const result = await w.rt.accounts.create(COMMAND_LINE, {
			email: 'REDAKTOER@aarhus.dk',
			name: '',
			role: 'provider_editor',
			providerId: 'kommune-9999',
			password: 'kort',
		});
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
			'email',
			'name',
			'providerId',
			'password',
		]);
		const inspector = await w.rt.accounts.create(COMMAND_LINE, {
			email: 'ny@tilsyn.dk',
			name: 'Ny',
			role: 'inspection_editor',
			authorityId: 'findes-ikke',
			password: 'lang nok adgangskode',
		});
		expect(inspector.ok ? [] : inspector.errors.map((e) => e.field)).toEqual(['authorityId']);
		expect(new AccountRepository(w.db).all()).toHaveLength(5);
	});

	it('will not disable the last active administrator', () => {
		const result = w.rt.accounts.setStatus(COMMAND_LINE, w.admin.id, 'disabled');
		expect(result.ok).toBe(false);
	});
});
