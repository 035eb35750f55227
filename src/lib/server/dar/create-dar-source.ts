import { z } from 'zod';
import type { RegisterDb } from '../db/client';
import { DarAddressRepository } from '../repositories/dar-address-repository';
import type { DarSource } from './dar-source';
import { HttpDarSource } from './http-dar-source';
import { LocalDarSource } from './local-dar-source';
import { UnavailableDarSource } from './unavailable-dar-source';

// An empty variable (`DAR_SERVICE_URL=` in a unit file) counts as unset.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const darEnv = z.object({
	DAR_SERVICE_URL: z.preprocess(unsetIfEmpty, z.string().url().optional()),
	DAR_SERVICE_API_KEY: z.preprocess(unsetIfEmpty, z.string().optional()),
	DAR_SERVICE_TIMEOUT_MS: z.preprocess(
		unsetIfEmpty,
		z.coerce.number().int().min(100).max(120_000).optional(),
	),
});

/**
 * The DAR source the register uses. With `DAR_SERVICE_URL` set: the online service (DAWA's
 * access-address search, `DAR_SERVICE_API_KEY` sent as `apiKey`). Otherwise the local table loaded
 * by `npm run import:dar`; an empty table means no DAR data, which must not be mistaken for "every
 * address is unknown". A malformed setting throws an error naming the variable.
 */
export function createDarSource(db: RegisterDb, env: NodeJS.ProcessEnv = process.env): DarSource {
	const parsed = darEnv.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Ugyldig konfiguration: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	const { DAR_SERVICE_URL: baseUrl, DAR_SERVICE_API_KEY: apiKey } = parsed.data;
	if (baseUrl) {
		return new HttpDarSource({ baseUrl, apiKey, timeoutMs: parsed.data.DAR_SERVICE_TIMEOUT_MS });
	}
	if (new DarAddressRepository(db).count() === 0) {
		return new UnavailableDarSource(
			'lokal DAR-tabel',
			'DAR-adressetabellen er tom. Indlæs et adresseudtræk med npm run import:dar, før SOR-importen.',
		);
	}
	return new LocalDarSource(db);
}
