import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters. */
export interface ScryptParams {
	/** log2 of N, the CPU/memory cost. */
	logN: number;
	r: number;
	p: number;
	keyLength: number;
}

/**
 * OWASP Password Storage Cheat Sheet (2025): scrypt with N = 2^17, r = 8, p = 1. That needs
 * 128 · N · r = 128 MiB per hash, above Node's 32 MiB default `maxmem`, so `maxmem` is raised.
 */
export const OWASP_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1, keyLength: 32 };

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
	const N = 2 ** params.logN;
	const options: ScryptOptions = {
		N,
		r: params.r,
		p: params.p,
		maxmem: 128 * N * params.r * 2,
	};
	return new Promise((resolve, reject) => {
		scrypt(password, salt, params.keyLength, options, (error, key) =>
			error ? reject(error) : resolve(key),
		);
	});
}

/** Counts running hashes so a burst of logins cannot claim 128 MiB each at once. */
class Gate {
	private running = 0;
	private readonly waiting: (() => void)[] = [];
	constructor(private readonly limit: number) {}
	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
		this.running++;
		try {
			return await task();
		} finally {
			this.running--;
			this.waiting.shift()?.();
		}
	}
}

/**
 * Hashes and verifies passwords with scrypt (node:crypto, no native add-on). Stored as
 * `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64), so the parameters travel with each hash and can be
 * raised later: `needsRehash` tells the login to re-hash with the current ones. Passwords are
 * NFKC-normalised first, so the same password typed on different keyboards matches.
 */
export class PasswordHasher {
	private readonly gate: Gate;
	private dummy: Promise<string> | null = null;

	constructor(
		readonly params: ScryptParams = OWASP_SCRYPT,
		maxConcurrent = 2,
	) {
		this.gate = new Gate(maxConcurrent);
	}

	/** A new hash string for a password. */
	async hash(password: string): Promise<string> {
		const salt = randomBytes(16);
		const key = await this.gate.run(() => derive(password.normalize('NFKC'), salt, this.params));
		const { logN, r, p } = this.params;
		return `$scrypt$ln=${logN},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
	}

	/** True when the password matches the stored hash (constant-time comparison). */
	async verify(stored: string, password: string): Promise<boolean> {
		const parsed = parseHash(stored);
		if (!parsed) return false;
		const key = await this.gate.run(() =>
			derive(password.normalize('NFKC'), parsed.salt, {
				...parsed.params,
				keyLength: parsed.hash.length,
			}),
		);
		return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
	}

	/**
	 * Spends the same time as a real verification, for logins with an unknown e-mail, so response
	 * times do not reveal which e-mails have accounts.
	 */
	async verifyDummy(password: string): Promise<false> {
		this.dummy ??= this.hash('dummy password for timing only');
		await this.verify(await this.dummy, password);
		return false;
	}

	/** True when a stored hash was made with other parameters than the current ones. */
	needsRehash(stored: string): boolean {
		const parsed = parseHash(stored);
		if (!parsed) return true;
		const { logN, r, p, keyLength } = this.params;
		return (
			parsed.params.logN !== logN ||
			parsed.params.r !== r ||
			parsed.params.p !== p ||
			parsed.hash.length !== keyLength
		);
	}
}

function parseHash(
	stored: string,
): { params: Omit<ScryptParams, 'keyLength'>; salt: Buffer; hash: Buffer } | null {
	const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(
		stored,
	);
	if (!match) return null;
	const [, ln, r, p, salt, hash] = match;
	const params = { logN: Number(ln), r: Number(r), p: Number(p) };
	// Refuse absurd parameters from a tampered row rather than allocate gigabytes.
	if (params.logN < 1 || params.logN > 20 || params.r > 32 || params.p > 16) return null;
	return { params, salt: Buffer.from(salt!, 'base64'), hash: Buffer.from(hash!, 'base64') };
}
