import { isEmail, normaliseEmail, passwordProblem } from '../../../domain/auth/password-policy';
import { ROLES, type Actor, type Role } from '../../../domain/auth/roles';
import { fieldChanges } from '../../../domain/reporting/changes';
import type { FieldError } from '../../../domain/reporting/form';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { RegisterDb } from '../../db/client';
import { AccountRepository, type AccountRow } from '../../repositories/account-repository';
import { AuditRepository } from '../../repositories/audit-repository';
import { InspectionRepository } from '../../repositories/inspection-repository';
import { RegisterRepository } from '../../repositories/register-repository';
import { SessionRepository } from '../../repositories/session-repository';
import type { AuditActor, Clock } from './audit-actor';

/** An account as pages and the CLI see it: never the password hash. */
export type AccountView = Omit<AccountRow, 'passwordHash'>;

/** What is needed to create an account. */
export interface NewAccountInput {
	email: string;
	name: string;
	role: string;
	providerId?: string | null;
	authorityId?: string | null;
	password: string;
}

/** A refused account operation with Danish reasons per field. */
export type AccountResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The Actor (permission subject) of a stored account. */
export function actorOf(row: AccountRow): Actor {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		providerId: row.providerId,
		authorityId: row.authorityId,
	};
}

function view(row: AccountRow): AccountView {
	const { passwordHash: _hash, ...rest } = row;
	return rest;
}

/**
 * Creating, disabling and re-keying accounts, for the administrator pages and `npm run user`.
 * Every change is written to the audit log in the same transaction; a disabled account or a
 * reset password ends the account's sessions at once.
 */
export class AccountService {
	private readonly accounts: AccountRepository;
	private readonly sessions: SessionRepository;
	private readonly audit: AuditRepository;

	constructor(
		private readonly db: RegisterDb,
		private readonly hasher: PasswordHasher,
		private readonly clock: Clock,
	) {
		this.accounts = new AccountRepository(db);
		this.sessions = new SessionRepository(db);
		this.audit = new AuditRepository(db);
	}

	/** All accounts. */
	list(): AccountView[] {
		return this.accounts.all().map(view);
	}

	/** One account, or null. */
	get(id: number): AccountView | null {
		const row = this.accounts.byId(id);
		return row ? view(row) : null;
	}

	/** One account by e-mail, or null. */
	findByEmail(email: string): AccountView | null {
		const row = this.accounts.byEmail(normaliseEmail(email));
		return row ? view(row) : null;
	}

	/** The authorities and providers an account can be scoped to (for the create form). */
	scopes(): {
		providers: { id: string; name: string }[];
		authorities: { id: string; name: string }[];
	} {
		return {
			providers: new RegisterRepository(this.db)
				.allProviders()
				.map((p) => ({ id: p.id, name: p.name })),
			authorities: new InspectionRepository(this.db)
				.authorities()
				.map((a) => ({ id: a.id, name: a.name })),
		};
	}

	/** Creates an account after checking e-mail, role, scope and password. */
	async create(by: AuditActor, input: NewAccountInput): Promise<AccountResult<AccountView>> {
		const email = normaliseEmail(input.email);
		const name = input.name.trim();
		const errors: FieldError[] = [];
		if (!isEmail(email)) errors.push({ field: 'email', message: 'Skriv en gyldig e-mailadresse.' });
		else if (this.accounts.byEmail(email)) {
			errors.push({
				field: 'email',
				message: 'Der findes allerede en konto med den e-mailadresse.',
			});
		}
		if (!name || name.length > 120) {
			errors.push({ field: 'name', message: 'Skriv personens navn (højst 120 tegn).' });
		}
		const role = ROLES.includes(input.role as Role) ? (input.role as Role) : null;
		if (!role) errors.push({ field: 'role', message: 'Vælg en rolle.' });
		let providerId: string | null = null;
		let authorityId: string | null = null;
		if (role === 'provider_editor') {
			providerId = input.providerId?.trim() || null;
			if (!providerId || !new RegisterRepository(this.db).provider(providerId)) {
				errors.push({
					field: 'providerId',
					message: 'Vælg den leverandør, redaktøren skal redigere for (fx kommune-0751).',
				});
			}
		}
		if (role === 'inspection_editor') {
			authorityId = input.authorityId?.trim() || null;
			const known = new InspectionRepository(this.db).authorities().map((a) => a.id);
			if (!authorityId || !known.includes(authorityId)) {
				errors.push({
					field: 'authorityId',
					message: `Vælg den tilsynsmyndighed, redaktøren indberetter for${known.length ? ` (${known.join(', ')})` : ''}.`,
				});
			}
		}
		const weak = passwordProblem(input.password, email);
		if (weak) errors.push({ field: 'password', message: weak });
		if (errors.length > 0 || !role) return { ok: false, errors };
		const passwordHash = await this.hasher.hash(input.password);
		const at = this.clock().toISOString();
		const row = this.db.transaction(
			() => {
				const created = this.accounts.insert({
					email,
					name,
					role,
					providerId,
					authorityId,
					passwordHash,
					status: 'active',
					createdAt: at,
					updatedAt: at,
					passwordChangedAt: at,
				});
				this.audit.append({
					at,
					category: 'account',
					actorAccountId: by.accountId,
					actorLabel: by.label,
					action: 'account.created',
					entityType: 'account',
					entityId: String(created.id),
					changes: fieldChanges(null, {
						email,
						name,
						role,
						providerId,
						authorityId,
						status: 'active',
					}),
				});
				return created;
			},
			{ behavior: 'immediate' },
		);
		return { ok: true, value: view(row) };
	}

	/** Disables or re-enables an account; disabling ends its sessions. */
	setStatus(
		by: AuditActor,
		accountId: number,
		status: 'active' | 'disabled',
	): AccountResult<AccountView> {
		const row = this.accounts.byId(accountId);
		if (!row) return { ok: false, errors: [{ field: 'form', message: 'Kontoen findes ikke.' }] };
		if (row.status === status) return { ok: true, value: view(row) };
		if (
			status === 'disabled' &&
			row.role === 'administrator' &&
			this.accounts.all().filter((a) => a.role === 'administrator' && a.status === 'active')
				.length === 1
		) {
			return {
				ok: false,
				errors: [
					{
						field: 'form',
						message: 'Den sidste aktive administrator kan ikke deaktiveres.',
					},
				],
			};
		}
		const at = this.clock().toISOString();
		this.db.transaction(
			() => {
				this.accounts.setStatus(accountId, status, at);
				if (status === 'disabled') this.sessions.deleteForAccount(accountId);
				this.audit.append({
					at,
					category: 'account',
					actorAccountId: by.accountId,
					actorLabel: by.label,
					action: status === 'disabled' ? 'account.disabled' : 'account.enabled',
					entityType: 'account',
					entityId: String(accountId),
					changes: { status: [row.status, status] },
				});
			},
			{ behavior: 'immediate' },
		);
		return { ok: true, value: view(this.accounts.byId(accountId)!) };
	}

	/**
	 * Sets a new password for an account (administrator reset, CLI, or the user's own change) and
	 * ends its sessions, except `keepSessionId` (the user's current one after an own change).
	 */
	async setPassword(
		by: AuditActor,
		accountId: number,
		password: string,
		keepSessionId?: string,
	): Promise<AccountResult<AccountView>> {
		const row = this.accounts.byId(accountId);
		if (!row) return { ok: false, errors: [{ field: 'form', message: 'Kontoen findes ikke.' }] };
		const weak = passwordProblem(password, row.email);
		if (weak) return { ok: false, errors: [{ field: 'password', message: weak }] };
		const hash = await this.hasher.hash(password);
		const at = this.clock().toISOString();
		this.db.transaction(
			() => {
				this.accounts.setPasswordHash(accountId, hash, at, true);
				const ended = this.sessions.deleteForAccount(accountId, keepSessionId);
				this.audit.append({
					at,
					category: 'account',
					actorAccountId: by.accountId,
					actorLabel: by.label,
					action:
						by.accountId === accountId ? 'account.password_changed' : 'account.password_reset',
					entityType: 'account',
					entityId: String(accountId),
					// The hash is never logged; that the password changed is the fact worth keeping.
					changes: { password: ['(skjult)', '(ny)'], sessionsEnded: [null, ended] },
				});
			},
			{ behavior: 'immediate' },
		);
		return { ok: true, value: view(this.accounts.byId(accountId)!) };
	}

	/** A user's own password change: the current password must be right. */
	async changeOwnPassword(
		actor: Actor,
		sessionId: string,
		current: string,
		next: string,
	): Promise<AccountResult<AccountView>> {
		const row = this.accounts.byId(actor.id);
		if (!row || !(await this.hasher.verify(row.passwordHash, current))) {
			return {
				ok: false,
				errors: [{ field: 'current', message: 'Den nuværende adgangskode er forkert.' }],
			};
		}
		return this.setPassword({ accountId: actor.id, label: actor.email }, actor.id, next, sessionId);
	}
}
