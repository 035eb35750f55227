import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { providers } from './register';

/**
 * Editor accounts. Never deleted (versions and the audit log point at them); a disabled account
 * cannot log in and loses its sessions. The scope columns say what the account may edit:
 * `providerId` for a provider editor, `authorityId` for an inspection editor, neither for an
 * administrator.
 */
export const accounts = sqliteTable(
	'accounts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Lower-cased and trimmed, so logins are case-insensitive. */
		email: text('email').notNull().unique(),
		name: text('name').notNull(),
		role: text('role', {
			enum: ['administrator', 'provider_editor', 'inspection_editor'],
		}).notNull(),
		providerId: text('provider_id').references(() => providers.id),
		/**
		 * No foreign key: the authority table is replaced on every SOR run from the reference file,
		 * and an account must survive a renamed or withdrawn authority (it then simply has no scope).
		 */
		authorityId: text('authority_id'),
		/** PHC-style string with algorithm and parameters, so parameters can change (rehash on login). */
		passwordHash: text('password_hash').notNull(),
		status: text('status', { enum: ['active', 'disabled'] }).notNull(),
		createdAt: text('created_at').notNull(),
		updatedAt: text('updated_at').notNull(),
		passwordChangedAt: text('password_changed_at').notNull(),
	},
	(table) => [index('accounts_provider_idx').on(table.providerId)],
);

/**
 * Login sessions. The primary key is SHA-256 of the random token in the cookie, so a copy of the
 * database cannot be used to take over a session.
 */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		/** Synchronizer token for the session's forms (CSRF); compared in constant time. */
		csrfToken: text('csrf_token').notNull(),
		createdAt: text('created_at').notNull(),
		lastSeenAt: text('last_seen_at').notNull(),
		/** Absolute expiry; the idle limit is checked against `lastSeenAt`. */
		expiresAt: text('expires_at').notNull(),
	},
	(table) => [index('sessions_account_idx').on(table.accountId)],
);
