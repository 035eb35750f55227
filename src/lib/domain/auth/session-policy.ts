/** How long sessions live. Injected, so tests can use short limits with a fake clock. */
export interface SessionPolicy {
	/** A session unused this long is ended. */
	idleMs: number;
	/** A session is ended this long after login, however active. */
	absoluteMs: number;
	/** `lastSeenAt` is only rewritten when older than this, to spare the database a write per page. */
	touchAfterMs: number;
}

/** Editor sessions: 30 minutes idle, 10 hours absolute (one working day). */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
	idleMs: 30 * 60_000,
	absoluteMs: 10 * 60 * 60_000,
	touchAfterMs: 60_000,
};

/** The timestamps of a stored session. */
export interface SessionTimes {
	lastSeenAt: string;
	expiresAt: string;
}

/** Whether a session may still be used at `now`, and whether its last-seen time needs a write. */
export function sessionVerdict(
	session: SessionTimes,
	now: Date,
	policy: SessionPolicy,
): { state: 'valid' | 'expired' | 'idle'; touch: boolean } {
	const t = now.getTime();
	if (t >= Date.parse(session.expiresAt)) return { state: 'expired', touch: false };
	const idleFor = t - Date.parse(session.lastSeenAt);
	if (idleFor >= policy.idleMs) return { state: 'idle', touch: false };
	return { state: 'valid', touch: idleFor >= policy.touchAfterMs };
}
