import { and, eq, lt, ne } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { sessions } from '../db/schema';

/** A stored session (its id is the SHA-256 of the cookie token). */
export type SessionRow = typeof sessions.$inferSelect;

/** All SQL on `sessions`. */
export class SessionRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Stores a new session. */
	insert(row: SessionRow): void {
		this.db.insert(sessions).values(row).run();
	}

	/** A session by the hash of its token, or null. */
	byId(id: string): SessionRow | null {
		return this.db.select().from(sessions).where(eq(sessions.id, id)).get() ?? null;
	}

	/** Records use of a session (sliding idle expiry). */
	touch(id: string, at: string): void {
		this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)).run();
	}

	/** Ends one session. */
	delete(id: string): void {
		this.db.delete(sessions).where(eq(sessions.id, id)).run();
	}

	/** Ends every session of an account, optionally except one (after a password change). */
	deleteForAccount(accountId: number, exceptId?: string): number {
		const condition = exceptId
			? and(eq(sessions.accountId, accountId), ne(sessions.id, exceptId))
			: eq(sessions.accountId, accountId);
		return this.db.delete(sessions).where(condition).run().changes;
	}

	/** Removes sessions past their absolute expiry (housekeeping; expiry is also checked on use). */
	deleteExpired(now: string): number {
		return this.db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
	}

	/** Number of sessions of an account (for tests and the account page). */
	countForAccount(accountId: number): number {
		return this.db.select().from(sessions).where(eq(sessions.accountId, accountId)).all().length;
	}
}
