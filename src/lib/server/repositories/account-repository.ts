import { asc, eq } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { accounts } from '../db/schema';

/** A stored account (with its password hash: never pass it to a page). */
export type AccountRow = typeof accounts.$inferSelect;
/** The fields of a new account. */
export type NewAccount = typeof accounts.$inferInsert;

/** All SQL on `accounts`. */
export class AccountRepository {
	constructor(private readonly db: RegisterDb) {}

	/** One account by id, or null. */
	byId(id: number): AccountRow | null {
		return this.db.select().from(accounts).where(eq(accounts.id, id)).get() ?? null;
	}

	/** One account by its (normalised) e-mail, or null. */
	byEmail(email: string): AccountRow | null {
		return this.db.select().from(accounts).where(eq(accounts.email, email)).get() ?? null;
	}

	/** All accounts by e-mail. */
	all(): AccountRow[] {
		return this.db.select().from(accounts).orderBy(asc(accounts.email)).all();
	}

	/** Inserts an account and returns it. */
	insert(row: NewAccount): AccountRow {
		return this.db.insert(accounts).values(row).returning().get();
	}

	/** Changes an account's status. */
	setStatus(id: number, status: AccountRow['status'], at: string): void {
		this.db.update(accounts).set({ status, updatedAt: at }).where(eq(accounts.id, id)).run();
	}

	/** Stores a new password hash. */
	setPasswordHash(id: number, passwordHash: string, at: string, changed: boolean): void {
		this.db
			.update(accounts)
			.set(
				changed
					? { passwordHash, updatedAt: at, passwordChangedAt: at }
					: // A rehash with new parameters is not a password change.
						{ passwordHash },
			)
			.where(eq(accounts.id, id))
			.run();
	}

	/** True when at least one active administrator exists. */
	hasActiveAdministrator(): boolean {
		return this.all().some((a) => a.role === 'administrator' && a.status === 'active');
	}
}
