/** A clock that tests can wind forward. */
export type Now = () => number;

/** Size and refill rate of one kind of bucket. */
export interface BucketRule {
	/** Attempts allowed in a burst. */
	capacity: number;
	/** One attempt comes back every this many milliseconds. */
	refillMs: number;
}

/** The answer to "may this key try now?". */
export type BucketVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
	tokens: number;
	updatedAt: number;
}

/**
 * In-process token buckets keyed by string (an IP address, an e-mail). Time comes from `now`, so
 * tests control it. Memory is bounded: buckets that have refilled are forgotten, and beyond
 * `maxKeys` the oldest key is dropped (which only ever errs towards allowing an attempt).
 */
export class TokenBuckets {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly rule: BucketRule,
		private readonly now: Now,
		private readonly maxKeys = 50_000,
	) {}

	/** Takes one token for `key` if there is one. */
	take(key: string): BucketVerdict {
		const bucket = this.current(key);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			this.store(key, bucket);
			return { allowed: true };
		}
		const missing = 1 - bucket.tokens;
		return {
			allowed: false,
			retryAfterSeconds: Math.max(1, Math.ceil((missing * this.rule.refillMs) / 1000)),
		};
	}

	/** Whether `key` has a token, without taking it. */
	peek(key: string): BucketVerdict {
		const bucket = this.current(key);
		if (bucket.tokens >= 1) return { allowed: true };
		return {
			allowed: false,
			retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * this.rule.refillMs) / 1000)),
		};
	}

	/** Gives `key` a full bucket again (after a successful login). */
	reset(key: string): void {
		this.buckets.delete(key);
	}

	/** Number of keys held (for tests of the memory bound). */
	get size(): number {
		return this.buckets.size;
	}

	private current(key: string): Bucket {
		const t = this.now();
		const stored = this.buckets.get(key);
		if (!stored) return { tokens: this.rule.capacity, updatedAt: t };
		const refilled = Math.max(0, t - stored.updatedAt) / this.rule.refillMs;
		return { tokens: Math.min(this.rule.capacity, stored.tokens + refilled), updatedAt: t };
	}

	private store(key: string, bucket: Bucket): void {
		this.buckets.delete(key);
		this.buckets.set(key, bucket);
		if (this.buckets.size > this.maxKeys) {
			this.prune();
		}
	}

	private prune(): void {
		const t = this.now();
		for (const [key, bucket] of this.buckets) {
			const tokens = bucket.tokens + (t - bucket.updatedAt) / this.rule.refillMs;
			if (tokens >= this.rule.capacity) this.buckets.delete(key);
		}
		// Map iteration is insertion order, and `store` re-inserts, so the first key is the oldest.
		while (this.buckets.size > this.maxKeys) {
			const oldest = this.buckets.keys().next().value;
			if (oldest === undefined) break;
			this.buckets.delete(oldest);
		}
	}
}
