import { TokenBuckets, type BucketRule, type Now } from '../../domain/auth/token-bucket';

/** Login limits: a burst per IP address and a smaller one per account (e-mail). */
export interface LoginLimitRules {
	perIp: BucketRule;
	perAccount: BucketRule;
}

/**
 * 30 attempts per IP, then one every 20 s (an office behind one address can still log in);
 * 5 per account, then one a minute (slows guessing one person's password to ~60 an hour without
 * locking the owner out for long).
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimitRules = {
	perIp: { capacity: 30, refillMs: 20_000 },
	perAccount: { capacity: 5, refillMs: 60_000 },
};

/** Editor writes: 60 in a burst per account, then one a second (uploads cost CPU). */
export const DEFAULT_WRITE_LIMIT: BucketRule = { capacity: 60, refillMs: 1_000 };

/** The answer to "may this login attempt go ahead?". */
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Login rate limiting per IP and per account, with an injected clock. */
export class LoginRateLimiter {
	private readonly ip: TokenBuckets;
	private readonly account: TokenBuckets;

	constructor(rules: LoginLimitRules = DEFAULT_LOGIN_LIMITS, now: Now = Date.now) {
		this.ip = new TokenBuckets(rules.perIp, now);
		this.account = new TokenBuckets(rules.perAccount, now);
	}

	/** Takes an attempt from both buckets; refused if either is empty. */
	attempt(ip: string, email: string): LimitVerdict {
		const byIp = this.ip.take(`ip:${ip}`);
		if (!byIp.allowed) return byIp;
		return this.account.take(`account:${email}`);
	}

	/** A successful login gives the account its attempts back (not the IP). */
	succeeded(email: string): void {
		this.account.reset(`account:${email}`);
	}
}

/** Rate limiting of state-changing editor requests per account. */
export class WriteRateLimiter {
	private readonly buckets: TokenBuckets;

	constructor(rule: BucketRule = DEFAULT_WRITE_LIMIT, now: Now = Date.now) {
		this.buckets = new TokenBuckets(rule, now);
	}

	/** Takes one write for the account. */
	attempt(accountId: number): LimitVerdict {
		return this.buckets.take(`account:${accountId}`);
	}
}
