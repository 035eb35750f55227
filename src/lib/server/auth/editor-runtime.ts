import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../domain/auth/session-policy';
import type { RegisterDb } from '../db/client';
import { FileRepository } from '../repositories/file-repository';
import { registerDb } from '../runtime';
import { AccountService } from '../services/accounts/account-service';
import { AuditLogService } from '../services/accounts/audit-log-service';
import type { Clock } from '../services/accounts/audit-actor';
import { LoginService } from '../services/accounts/login-service';
import { ReportingCatalogues } from '../services/reporting/catalogues';
import { DuplicateReviewService } from '../services/reporting/duplicate-review-service';
import { EditorHomeService } from '../services/reporting/editor-home-service';
import { InspectionService } from '../services/reporting/inspection-service';
import { ProfileService } from '../services/reporting/profile-service';
import { ReportedContentService } from '../services/reporting/reported-content-service';
import { StaffService } from '../services/reporting/staff-service';
import { SurveyService } from '../services/reporting/survey-service';
import { SharpImageProcessor, type ImageProcessor } from '../services/reporting/uploads';
import type { CookieSettings } from './cookies';
import { loadEditorConfig } from './editor-config';
import { OWASP_SCRYPT, PasswordHasher } from './password-hasher';
import { LoginRateLimiter, WriteRateLimiter } from './rate-limits';

/** Everything the editor area and the reported-content pages use, wired once. */
export interface EditorRuntime {
	db: RegisterDb;
	clock: Clock;
	cookies: CookieSettings;
	accounts: AccountService;
	auditLog: AuditLogService;
	login: LoginService;
	writeLimiter: WriteRateLimiter;
	home: EditorHomeService;
	profile: ProfileService;
	staff: StaffService;
	surveys: SurveyService;
	inspections: InspectionService;
	duplicates: DuplicateReviewService;
	content: ReportedContentService;
	files: FileRepository;
}

/** Infrastructure choices; tests pass cheap hashing, fake clocks and short sessions. */
export interface EditorRuntimeOptions {
	db: RegisterDb;
	clock?: Clock;
	hasher?: PasswordHasher;
	policy?: SessionPolicy;
	loginLimiter?: LoginRateLimiter;
	writeLimiter?: WriteRateLimiter;
	images?: ImageProcessor;
	catalogues?: ReportingCatalogues;
	cookies?: CookieSettings;
	surveyMinRespondents?: number;
}

/** Composition root of the editor area. */
export function createEditorRuntime(options: EditorRuntimeOptions): EditorRuntime {
	const clock = options.clock ?? (() => new Date());
	const hasher = options.hasher ?? new PasswordHasher(OWASP_SCRYPT);
	const deps = {
		db: options.db,
		clock,
		images: options.images ?? new SharpImageProcessor(),
		catalogues: options.catalogues ?? new ReportingCatalogues(),
	};
	return {
		db: options.db,
		clock,
		cookies: options.cookies ?? { secure: false },
		accounts: new AccountService(options.db, hasher, clock),
		auditLog: new AuditLogService(options.db),
		login: new LoginService(options.db, {
			hasher,
			clock,
			policy: options.policy ?? DEFAULT_SESSION_POLICY,
			limiter: options.loginLimiter ?? new LoginRateLimiter(),
		}),
		writeLimiter: options.writeLimiter ?? new WriteRateLimiter(),
		home: new EditorHomeService(options.db),
		profile: new ProfileService(deps),
		staff: new StaffService(deps),
		surveys: new SurveyService(deps),
		inspections: new InspectionService(deps),
		duplicates: new DuplicateReviewService(deps),
		content: new ReportedContentService(options.db, {
			clock,
			minRespondents: options.surveyMinRespondents,
		}),
		files: new FileRepository(options.db),
	};
}

let shared: EditorRuntime | null = null;

/** The server process's editor runtime (one database, one set of rate limiters). */
export function editorRuntime(): EditorRuntime {
	if (!shared) {
		const config = loadEditorConfig();
		shared = createEditorRuntime({
			db: registerDb(),
			cookies: { secure: config.cookieSecure },
			surveyMinRespondents: config.surveyMinRespondents,
		});
	}
	return shared;
}
