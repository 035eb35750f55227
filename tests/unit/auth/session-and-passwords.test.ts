import { describe, expect, it } from 'vitest';
import {
	passwordProblem,
	normaliseEmail,
	isEmail,
} from '../../../src/lib/domain/auth/password-policy';
import { safeNextPath } from '../../../src/lib/domain/auth/safe-redirect';
import { sessionVerdict } from '../../../src/lib/domain/auth/session-policy';
import { secretsEqual, sessionIdFor } from '../../../src/lib/server/auth/tokens';

const policy = { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000, touchAfterMs: 60_000 };

describe('session expiry rules', () => {
	const session = { lastSeenAt: '2026-11-25T10:00:00.000Z', expiresAt: '2026-11-25T20:00:00.000Z' };
	const at = (iso: string) => sessionVerdict(session, new Date(iso), policy);

	it('is valid while used, and asks for a touch only after a minute', () => {
		expect(at('2026-11-25T10:00:30Z')).toEqual({ state: 'valid', touch: false });
		expect(at('2026-11-25T10:01:00Z')).toEqual({ state: 'valid', touch: true });
	});
	it('ends after 30 idle minutes', () => {
		expect(at('2026-11-25T10:29:59Z').state).toBe('valid');
		expect(at('2026-11-25T10:30:00Z').state).toBe('idle');
	});
	it('ends at the absolute expiry however active', () => {
		const busy = { lastSeenAt: '2026-11-25T19:59:00.000Z', expiresAt: session.expiresAt };
		expect(sessionVerdict(busy, new Date('2026-11-25T20:00:00Z'), policy).state).toBe('expired');
	});
});

describe('passwords and e-mails', () => {
	it('requires 12 characters counted as characters, not bytes', () => {
		expect(passwordProblem('kort')).toMatch(/mindst 12/);
		expect(passwordProblem('æøåæøåæøåæøå')).toBeNull();
		expect(passwordProblem('x'.repeat(257))).toMatch(/højst være 256/);
		expect(passwordProblem('Redaktoer@Aarhus.dk', 'redaktoer@aarhus.dk')).toMatch(/e-mail/);
	});
	it('normalises and checks e-mails', () => {
		expect(normaliseEmail('  Anne@Aarhus.DK ')).toBe('anne@aarhus.dk');
		expect(isEmail('anne@aarhus.dk')).toBe(true);
		expect(isEmail('anne aarhus.dk')).toBe(false);
	});
});

describe('tokens', () => {
	it('stores only a SHA-256 of the session token', () => {
		expect(sessionIdFor('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		);
	});
	it('compares secrets in constant time, refusing missing values', () => {
		expect(secretsEqual('a', 'a')).toBe(true);
		expect(secretsEqual('a', 'b')).toBe(false);
		expect(secretsEqual('', 'b')).toBe(false);
		expect(secretsEqual(null, 'b')).toBe(false);
		expect(secretsEqual('ab', 'abc')).toBe(false);
	});
});

describe('the return path after login', () => {
	it.each([
		['/redaktion/sted/123', '/redaktion/sted/123'],
		['/redaktion?x=1', '/redaktion?x=1'],
		['https://evil.example/redaktion', '/redaktion'],
		['//evil.example', '/redaktion'],
		['/redaktion//evil.example', '/redaktion'],
		['/redaktion/../admin', '/redaktion'],
		['/redaktion\\evil', '/redaktion'],
		['/sted/1', '/redaktion'],
		[null, '/redaktion'],
	])('%s → %s', (input, expected) => {
		expect(safeNextPath(input)).toBe(expected);
	});
});
