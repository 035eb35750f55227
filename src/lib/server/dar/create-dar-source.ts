import type { RegisterDb } from '../db/client';
import { DarAddressRepository } from '../repositories/dar-address-repository';
import type { DarSource } from './dar-source';
import { LocalDarSource } from './local-dar-source';
import { UnavailableDarSource } from './unavailable-dar-source';

/**
 * The DAR source the register uses: the local table loaded by `npm run import:dar`. An empty table
 * means no DAR data, which must not be mistaken for "every address is unknown".
 */
export function createDarSource(db: RegisterDb): DarSource {
	if (new DarAddressRepository(db).count() === 0) {
		return new UnavailableDarSource(
			'lokal DAR-tabel',
			'DAR-adressetabellen er tom. Indlæs et adresseudtræk med npm run import:dar, før SOR-importen.',
		);
	}
	return new LocalDarSource(db);
}
