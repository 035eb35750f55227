import { normaliseEmail, PASSWORD_MAX_LENGTH } from '../../../domain/auth/password-policy';
import type { Actor } from '../../../domain/auth/roles';
import { sessionVerdict, type SessionPolicy } from '../../../domain/auth/session-policy';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { LoginRateLimiter } from '../../auth/rate-limits';
import { newCsrfToken, newSessionToken, sessionIdFor } from '../../auth/tokens';
import type { RegisterDb } from '../../db/client';
import { AccountRepository } from '../../repositories/account-repository';
import { AuditRepository } from '../../repositories/audit-repository';
import { SessionRepository } from '../../repositories/session-repository';
import { actorOf } from './account-service';
import type { Clock } from './audit-actor';

/** What a page needs to know about the current session. */
export interface EditorSession {
	/** SHA-256 of the token (the stored id); never the token itself. */
	id: string;
	csrfToken: string;
	expiresAt: string;
}

/** The outcome of a login attempt. */
export type LoginResult =
	| { ok: true; token: string; actor: Actor; session: EditorSession }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * Login, session validation and logout. Sessions live in the database keyed by SHA-256 of the
 * cookie token; each login creates a new one (and ends the one the browser presented), sessions
 * end after the policy's idle or absolute limit, and a disabled account's sessions stop working at
 * once.
 */
export class LoginService {
	private readonly accounts: AccountRepository;
	private readonly sessions: SessionRepository;
	private readonly audit: AuditRepository;

	constructor(
		db: RegisterDb,
		private readonly deps: {
			hasher: PasswordHasher;
			clock: Clock;
			policy: SessionPolicy;
			limiter: LoginRateLimiter;
		},
	) {
		this.accounts = new AccountRepository(db);
		this.sessions = new SessionRepository(db);
		this.audit = new AuditRepository(db);
	}

	/** Checks e-mail and password and, if right, starts a new session. */
	async login(input: {
		email: string;
		password: string;
		ip: string;
		presentedToken?: string | null;
	}): Promise<LoginResult> {
		const email = normaliseEmail(input.email).slice(0, 254);
		const limit = this.deps.limiter.attempt(input.ip, email);
		if (!limit.allowed) {
			return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
		}
		const password = input.password.slice(0, PASSWORD_MAX_LENGTH * 4);
		const account = email ? this.accounts.byEmail(email) : null;
		const valid = account
			? await this.deps.hasher.verify(account.passwordHash, password)
			: await this.deps.hasher.verifyDummy(password);
		const at = this.deps.clock().toISOString();
		if (!account || !valid || account.status !== 'active') {
			if (account) {
				this.audit.append({
					at,
					category: 'security',
					actorAccountId: null,
					actorLabel: `ukendt (${input.ip})`,
					action: 'login.failed',
					entityType: 'account',
					entityId: String(account.id),
					changes: { reason: valid ? 'deaktiveret' : 'forkert adgangskode', ip: input.ip },
				});
			}
			return { ok: false, reason: 'invalid' };
		}
		this.deps.limiter.succeeded(email);
		if (this.deps.hasher.needsRehash(account.passwordHash)) {
			const rehashed = await this.deps.hasher.hash(password);
			this.accounts.setPasswordHash(account.id, rehashed, at, false);
		}
		const token = newSessionToken();
		const now = this.deps.clock();
		const session = {
			id: sessionIdFor(token),
			accountId: account.id,
			csrfToken: newCsrfToken(),
			createdAt: now.toISOString(),
			lastSeenAt: now.toISOString(),
			expiresAt: new Date(now.getTime() + this.deps.policy.absoluteMs).toISOString(),
		};
		this.sessions.insert(session);
		// A session the browser already had is ended: login always means a fresh session id.
		if (input.presentedToken) this.sessions.delete(sessionIdFor(input.presentedToken));
		this.audit.append({
			at,
			category: 'security',
			actorAccountId: account.id,
			actorLabel: account.email,
			action: 'login.succeeded',
			entityType: 'account',
			entityId: String(account.id),
			changes: { ip: input.ip },
		});
		return {
			ok: true,
			token,
			actor: actorOf(account),
			session: { id: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt },
		};
	}

	/** The actor and session for a cookie token, or null (unknown, expired, idle or disabled). */
	validate(token: string): { actor: Actor; session: EditorSession } | null {
		const id = sessionIdFor(token);
		const row = this.sessions.byId(id);
		if (!row) return null;
		const now = this.deps.clock();
		const verdict = sessionVerdict(row, now, this.deps.policy);
		if (verdict.state !== 'valid') {
			this.sessions.delete(id);
			return null;
		}
		const account = this.accounts.byId(row.accountId);
		if (!account || account.status !== 'active') {
			this.sessions.delete(id);
			return null;
		}
		if (verdict.touch) this.sessions.touch(id, now.toISOString());
		return {
			actor: actorOf(account),
			session: { id, csrfToken: row.csrfToken, expiresAt: row.expiresAt },
		};
	}

	/** Ends the session of a token (logout). */
	logout(token: string): void {
		const id = sessionIdFor(token);
		const row = this.sessions.byId(id);
		if (!row) return;
		this.sessions.delete(id);
		const account = this.accounts.byId(row.accountId);
		this.audit.append({
			at: this.deps.clock().toISOString(),
			category: 'security',
			actorAccountId: row.accountId,
			actorLabel: account?.email ?? String(row.accountId),
			action: 'logout',
			entityType: 'account',
			entityId: String(row.accountId),
			changes: {},
		});
	}
}
