/**
 * DAR lookups over HTTP, speaking DAWA's access-address search (`/adgangsadresser?…&struktur=mini`),
 * which Datafordeleren-based replacements also offer. Results are filtered and ranked locally by
 * the same keys as the local table, so both sources answer a query the same way.
 */
import { z } from 'zod';
import {
	houseNumberKey,
	municipalityCodeKey,
	postcodeKey,
	streetCodeKey,
	streetKey,
} from '../../domain/address/normalise';
import {
	darStatusFromCode,
	DarUnavailableError,
	isValidDarStatus,
	statusRank,
	type AccessAddressQuery,
	type DarAccessAddress,
	type DarSource,
} from './dar-source';

/** How to reach the service. */
export interface HttpDarSourceOptions {
	/** E.g. `https://api.dataforsyningen.dk`; `/adgangsadresser` is appended. */
	baseUrl: string;
	/** Sent as the query parameter `apiKey` (Datafordeleren's convention); never logged. */
	apiKey?: string;
	fetchImpl?: typeof fetch;
	/** Per request, including reading the body. */
	timeoutMs?: number;
	/** Extra attempts after a network error, timeout, 429 or 5xx. */
	retries?: number;
	/** First wait between attempts; doubled each time. */
	retryDelayMs?: number;
}

const miniAddress = z.object({
	id: z.string().min(1),
	status: z.coerce.number().int().min(1).max(4),
	kommunekode: z.string().min(1),
	vejkode: z.string().nullish(),
	vejnavn: z.string().min(1),
	husnr: z.string().min(1),
	postnr: z.string().min(1),
	postnrnavn: z.string().nullish(),
	x: z.number().nullish(),
	y: z.number().nullish(),
});
const miniResponse = z.array(miniAddress);
type MiniAddress = z.infer<typeof miniAddress>;

/** Why an attempt failed, and whether another attempt may help. */
class AttemptError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean,
	) {
		super(message);
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A DAR source backed by a DAWA-compatible HTTP service. */
export class HttpDarSource implements DarSource {
	readonly name: string;
	private readonly endpoint: string;
	private readonly apiKey: string | undefined;
	private readonly fetchImpl: typeof fetch;
	private readonly timeoutMs: number;
	private readonly retries: number;
	private readonly retryDelayMs: number;

	constructor(options: HttpDarSourceOptions) {
		this.endpoint = `${options.baseUrl.replace(/\/+$/, '')}/adgangsadresser`;
		this.apiKey = options.apiKey || undefined;
		this.fetchImpl = options.fetchImpl ?? fetch;
		this.timeoutMs = options.timeoutMs ?? 5000;
		this.retries = options.retries ?? 2;
		this.retryDelayMs = options.retryDelayMs ?? 250;
		this.name = `DAR over HTTP (${this.redact(options.baseUrl)})`;
	}

	/** Looks an address up by the shared matching rules; null when DAR has no such address. */
	async lookup(query: AccessAddressQuery): Promise<DarAccessAddress | null> {
		const houseKey = houseNumberKey(query.houseNumber);
		if (houseKey === null) return null;
		const husnr = houseKey.toUpperCase();
		const municipalityCode = municipalityCodeKey(query.municipalityCode);
		const streetCode = streetCodeKey(query.streetCode);
		let byCode: DarAccessAddress | null = null;
		if (municipalityCode !== null && streetCode !== null) {
			const found = await this.search({
				kommunekode: municipalityCode,
				vejkode: streetCode,
				husnr,
			});
			byCode = best(
				found.filter(
					(a) =>
						municipalityCodeKey(a.kommunekode) === municipalityCode &&
						streetCodeKey(a.vejkode) === streetCode &&
						houseNumberKey(a.husnr) === houseKey,
				),
			);
			if (byCode && isValidDarStatus(byCode.status)) return byCode;
		}
		const byName = await this.searchByName(query, houseKey, husnr);
		if (!byName) return byCode;
		if (!byCode) return byName;
		return isValidDarStatus(byName.status) ? byName : byCode;
	}

	private async searchByName(
		query: AccessAddressQuery,
		houseKey: string,
		husnr: string,
	): Promise<DarAccessAddress | null> {
		const postcode = postcodeKey(query.postcode);
		if (query.streetName === null || postcode === null) return null;
		const key = streetKey(query.streetName);
		if (key === '') return null;
		const matches = (a: MiniAddress) =>
			streetKey(a.vejnavn) === key && houseNumberKey(a.husnr) === houseKey && a.postnr === postcode;
		const exact = await this.search({ vejnavn: query.streetName.trim(), husnr, postnr: postcode });
		const found = best(exact.filter(matches));
		if (found) return found;
		// The service compares street names literally; "Aabyvej" for "Åbyvej" needs the wider net of
		// every street in the postcode with this house number, narrowed by our own key.
		return best((await this.search({ husnr, postnr: postcode })).filter(matches));
	}

	/** One search, retried on transient failures. */
	private async search(parameters: Record<string, string>): Promise<MiniAddress[]> {
		const url = new URL(this.endpoint);
		for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
		url.searchParams.set('struktur', 'mini');
		// Retired addresses too, so "retired" can be told apart from "unknown".
		url.searchParams.set('medtagnedlagte', 'true');
		if (this.apiKey) url.searchParams.set('apiKey', this.apiKey);

		let lastProblem = '';
		let attempts = 0;
		while (attempts <= this.retries) {
			if (attempts > 0) await sleep(this.retryDelayMs * 2 ** (attempts - 1));
			attempts++;
			try {
				return await this.attempt(url);
			} catch (error) {
				if (!(error instanceof AttemptError)) throw error;
				lastProblem = error.message;
				if (!error.retryable) break;
			}
		}
		const tries = attempts > 1 ? ` efter ${attempts} forsøg` : '';
		throw new DarUnavailableError(
			this.redact(`DAR-tjenesten ${this.endpoint} kunne ikke svare${tries}: ${lastProblem}.`),
		);
	}

	private async attempt(url: URL): Promise<MiniAddress[]> {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), this.timeoutMs);
		try {
			let response: Response;
			try {
				response = await this.fetchImpl(url, {
					signal: controller.signal,
					headers: { accept: 'application/json' },
				});
			} catch (error) {
				throw new AttemptError(this.describeNetworkError(error, controller), true);
			}
			if (!response.ok) {
				await response.body?.cancel().catch(() => undefined);
				const transient = response.status >= 500 || response.status === 429;
				throw new AttemptError(`HTTP-status ${response.status}`, transient);
			}
			let body: unknown;
			try {
				body = await response.json();
			} catch {
				if (controller.signal.aborted) {
					throw new AttemptError(`intet svar inden for ${this.timeoutMs} ms`, true);
				}
				throw new AttemptError('svaret er ikke gyldig JSON', false);
			}
			const parsed = miniResponse.safeParse(body);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				throw new AttemptError(
					`svaret har ikke den forventede form (${issue?.path.join('.') || 'svar'}: ${issue?.message})`,
					false,
				);
			}
			return parsed.data;
		} finally {
			clearTimeout(timer);
		}
	}

	private describeNetworkError(error: unknown, controller: AbortController): string {
		if (controller.signal.aborted) return `intet svar inden for ${this.timeoutMs} ms`;
		const cause = (error as { cause?: { code?: unknown } }).cause;
		const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
		return `netværksfejl${code}`;
	}

	/** Removes the API key from any text that may reach a log or an error message. */
	private redact(text: string): string {
		if (!this.apiKey) return text;
		let result = text;
		for (const form of [this.apiKey, encodeURIComponent(this.apiKey)]) {
			result = result.split(form).join('***');
		}
		return result;
	}
}

function toAccessAddress(address: MiniAddress): DarAccessAddress | null {
	const status = darStatusFromCode(address.status);
	if (status === null) return null;
	return {
		id: address.id,
		status,
		streetName: address.vejnavn,
		houseNumber: address.husnr,
		postcode: address.postnr,
		municipalityCode: municipalityCodeKey(address.kommunekode) ?? address.kommunekode,
		// struktur=mini gives WGS84 by default: x is longitude, y latitude.
		lat: address.y ?? null,
		lon: address.x ?? null,
		etrsEast: null,
		etrsNorth: null,
		precision: null,
	};
}

/** The preferred address among matches: valid before retired, then the lowest id. */
function best(addresses: MiniAddress[]): DarAccessAddress | null {
	let chosen: DarAccessAddress | null = null;
	for (const address of addresses) {
		const candidate = toAccessAddress(address);
		if (candidate === null) continue;
		if (
			chosen === null ||
			statusRank(candidate.status) < statusRank(chosen.status) ||
			(statusRank(candidate.status) === statusRank(chosen.status) && candidate.id < chosen.id)
		) {
			chosen = candidate;
		}
	}
	return chosen;
}
