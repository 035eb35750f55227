import { openMigratedDatabase, type RegisterDb } from '../../src/lib/server/db/client';

/** A fresh in-memory register built by running the real migrations. */
export function createTestDb(): RegisterDb {
	return openMigratedDatabase(':memory:');
}
