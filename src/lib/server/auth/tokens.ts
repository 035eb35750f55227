import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random session token for the cookie (256 bits, base64url). */
export function newSessionToken(): string {
	return randomBytes(32).toString('base64url');
}

/** A new random CSRF token for a session's forms. */
export function newCsrfToken(): string {
	return randomBytes(32).toString('base64url');
}

/** The stored id of a session: SHA-256 of its token, hex. Only this reaches the database. */
export function sessionIdFor(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Constant-time comparison of two secrets of any length: both are hashed first, so neither the
 * content nor the length of the expected value leaks through timing.
 */
export function secretsEqual(given: string | null | undefined, expected: string): boolean {
	if (typeof given !== 'string' || given.length === 0) return false;
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}
