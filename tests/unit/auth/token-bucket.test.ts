import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../src/lib/domain/auth/token-bucket';
import { LoginRateLimiter } from '../../../src/lib/server/auth/rate-limits';

describe('token buckets with a fake clock', () => {
	it('allows a burst, then one attempt per refill interval, with Retry-After in seconds', () => {
		let now = 1_000_000;
		const buckets = new TokenBuckets({ capacity: 3, refillMs: 60_000 }, () => now);
		expect([1, 2, 3].map(() => buckets.take('k').allowed)).toEqual([true, true, true]);
		expect(buckets.take('k')).toEqual({ allowed: false, retryAfterSeconds: 60 });
		now += 30_000;
		expect(buckets.take('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
		now += 30_000;
		expect(buckets.take('k').allowed).toBe(true);
		expect(buckets.take('k').allowed).toBe(false);
		// Keys are independent.
		expect(buckets.take('other').allowed).toBe(true);
	});

	it('refills no further than the capacity', () => {
		let now = 0;
		const buckets = new TokenBuckets({ capacity: 2, refillMs: 1000 }, () => now);
		buckets.take('k');
		now += 1_000_000;
		expect([1, 2, 3].map(() => buckets.take('k').allowed)).toEqual([true, true, false]);
	});

	it('keeps memory bounded', () => {
		let now = 0;
		const buckets = new TokenBuckets({ capacity: 1, refillMs: 1000 }, () => now, 100);
		for (let i = 0; i < 1000; i++) buckets.take(`ip-${i}`);
		expect(buckets.size).toBeLessThanOrEqual(100);
		now += 10_000;
		buckets.take('late');
		expect(buckets.size).toBeLessThanOrEqual(100);
	});

	it('limits logins per IP and per account; success resets only the account', () => {
		let now = 0;
		const limiter = new LoginRateLimiter(
			{ perIp: { capacity: 4, refillMs: 10_000 }, perAccount: { capacity: 2, refillMs: 60_000 } },
			() => now,
		);
		expect(limiter.attempt('1.1.1.1', 'a@x.dk').allowed).toBe(true);
		expect(limiter.attempt('2.2.2.2', 'a@x.dk').allowed).toBe(true);
		// A third attempt at the same account from a new IP is refused: the account bucket is empty.
		expect(limiter.attempt('3.3.3.3', 'a@x.dk')).toEqual({ allowed: false, retryAfterSeconds: 60 });
		limiter.succeeded('a@x.dk');
		expect(limiter.attempt('3.3.3.3', 'a@x.dk').allowed).toBe(true);
		// One IP trying many accounts runs out of its own bucket.
		expect(limiter.attempt('1.1.1.1', 'b@x.dk').allowed).toBe(true);
		expect(limiter.attempt('1.1.1.1', 'c@x.dk').allowed).toBe(true);
		expect(limiter.attempt('1.1.1.1', 'd@x.dk').allowed).toBe(true);
		expect(limiter.attempt('1.1.1.1', 'e@x.dk')).toEqual({ allowed: false, retryAfterSeconds: 10 });
		now += 10_000;
		expect(limiter.attempt('1.1.1.1', 'e@x.dk').allowed).toBe(true);
	});
});
