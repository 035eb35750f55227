import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, PasswordHasher } from '../../src/lib/server/auth/password-hasher';

describe('password hashing', () => {
	it('uses the OWASP scrypt parameters in production (N=2^17, r=8, p=1)', async () => {
		const hasher = new PasswordHasher(OWASP_SCRYPT);
		const started = Date.now();
		const hash = await hasher.hash('korrekt hest batteri klips');
		const elapsed = Date.now() - started;
		expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
		expect(await hasher.verify(hash, 'korrekt hest batteri klips')).toBe(true);
		expect(await hasher.verify(hash, 'korrekt hest batteri klip')).toBe(false);
		expect(hasher.needsRehash(hash)).toBe(false);
		// A real cost: well above a millisecond even on a fast machine.
		expect(elapsed).toBeGreaterThan(20);
	});

	it('salts every hash, normalises Unicode and asks for a rehash when parameters change', async () => {
		const cheap = new PasswordHasher({ logN: 10, r: 8, p: 1, keyLength: 32 });
		const a = await cheap.hash('blåbærgrød med fløde');
		const b = await cheap.hash('blåbærgrød med fløde');
		expect(a).not.toBe(b);
		// "å" typed as a + combining ring matches the precomposed "å".
		expect(await cheap.verify(a, 'bla\u030abærgrød med fløde')).toBe(true);
		expect(new PasswordHasher(OWASP_SCRYPT).needsRehash(a)).toBe(true);
		expect(await cheap.verify('$scrypt$ln=40,r=8,p=1$AAAA$AAAA', 'x')).toBe(false);
		expect(await cheap.verify('not a hash', 'x')).toBe(false);
	});
});
