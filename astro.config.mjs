// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Hosts whose Host/Origin headers Astro trusts. Without this, Astro 5.17+ rewrites the request
// origin and every same-origin form POST is refused with 403 (see docs/architecture.md).
const allowedHosts = (process.env.ALLOWED_HOSTS ?? 'localhost,127.0.0.1,plejeoverblik.dk')
	.split(',')
	.map((host) => host.trim())
	.filter(Boolean);

export default defineConfig({
	output: 'server',
	adapter: node({ mode: 'standalone' }),
	security: {
		checkOrigin: true,
		allowedDomains: allowedHosts.flatMap((hostname) => [
			{ hostname, protocol: 'http' },
			{ hostname, protocol: 'https' },
		]),
	},
	// A strict CSP forbids inline styles and scripts, so nothing may be inlined.
	build: { inlineStylesheets: 'never' },
	vite: {
		build: { assetsInlineLimit: 0 },
		ssr: { external: ['better-sqlite3'] },
	},
	devToolbar: { enabled: false },
});
