import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/schema/index.ts',
	out: './db/migrations',
	dbCredentials: { url: process.env.DATABASE_PATH ?? 'db/plejeoverblik.sqlite' },
});
