import { loadConfig } from './config';
import { openMigratedDatabase, type RegisterDb } from './db/client';

let shared: RegisterDb | null = null;

/** The server process's one database connection, opened and migrated on first use. */
export function registerDb(): RegisterDb {
	shared ??= openMigratedDatabase(loadConfig().databasePath);
	return shared;
}
