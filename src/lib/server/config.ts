import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
	DATABASE_PATH: z.string().min(1).default('db/plejeoverblik.sqlite'),
	SOR_MASS_CLOSE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.1),
});

/** Runtime configuration from the environment, validated once. */
export interface AppConfig {
	databasePath: string;
	massCloseThreshold: number;
}

/** Reads and validates configuration; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Ugyldig konfiguration: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	return {
		databasePath: resolve(parsed.data.DATABASE_PATH),
		massCloseThreshold: parsed.data.SOR_MASS_CLOSE_THRESHOLD,
	};
}
