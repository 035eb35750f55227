import type { Statement } from 'better-sqlite3';
import type { PostcodeCentre } from '../../domain/address/postcode-centres';
import type { RegisterDb } from '../db/client';
import { SHOWN } from './public-register-repository';

/** All SQL for positions that are not a locality's own: postcode centres for "near an address". */
export class PublicGeoRepository {
	private readonly fromDar: Statement<[string], RawCentre>;
	private readonly fromRegister: Statement<[string], RawCentre>;

	constructor(db: RegisterDb) {
		const sqlite = db.$client;
		// The mean of the postcode's valid DAR access addresses (where its people actually live),
		// computed by the DAR import.
		((this.fromDar = sqlite.prepare(`
			SELECT postcode, name, lat, lon, addresses AS n FROM dar_postcode_centres WHERE postcode = ?`)),
			// Without a local DAR table (an online DAR source): the shown localities with that postcode.
			(this.fromRegister = sqlite.prepare(`
			SELECT e.visiting_postcode AS postcode, max(e.visiting_district) AS name,
				avg(l.lat) AS lat, avg(l.lon) AS lon, count(*) AS n
			FROM localities l JOIN sor_entities e ON e.sor_id = l.sor_id
			WHERE e.visiting_postcode = ? AND ${SHOWN} AND l.lat IS NOT NULL`)));
	}

	/** The centre of a postcode, or null when neither DAR nor the register knows it. */
	postcodeCentre(postcode: string): Omit<PostcodeCentre, 'addresses'> | null {
		for (const statement of [this.fromDar, this.fromRegister]) {
			const row = statement.get(postcode);
			if (row && row.n > 0 && row.lat !== null && row.lon !== null) {
				return { postcode, name: row.name, lat: row.lat, lon: row.lon };
			}
		}
		return null;
	}
}

interface RawCentre {
	postcode: string | null;
	name: string | null;
	lat: number | null;
	lon: number | null;
	n: number;
}
