import { z } from 'zod';

/** The map background: a tile URL template and its attribution, or none (markers only). */
export interface MapConfig {
	/** e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty for no background. */
	tileUrl: string;
	/** Plain attribution text (never HTML), e.g. "© OpenStreetMap-bidragydere". */
	attribution: string;
	/** Where the attribution links to (the tile provider's copyright page), or null. */
	attributionUrl: string | null;
	/** Origin of the tiles, for the Content-Security-Policy's img-src; null without tiles. */
	tileOrigin: string | null;
}

const tileUrl = z
	.string()
	.trim()
	.refine(
		(value) =>
			value === '' ||
			(/^https:\/\/[^\s"'<>]+$/.test(value) &&
				['{z}', '{x}', '{y}'].every((p) => value.includes(p))),
		'skal være en https-adresse med {z}, {x} og {y}, eller tom',
	);

const schema = z.object({
	MAP_TILE_URL: tileUrl.default(''),
	MAP_TILE_ATTRIBUTION: z.string().trim().max(300).default(''),
	MAP_TILE_ATTRIBUTION_URL: z
		.string()
		.trim()
		.url()
		.refine((url) => url.startsWith('https://'), 'skal være en https-adresse')
		.optional(),
});

/**
 * Reads MAP_TILE_URL, MAP_TILE_ATTRIBUTION and MAP_TILE_ATTRIBUTION_URL; throws a readable error
 * for a bad value. No tile URL (the default, and in tests) means a map of markers only.
 */
export function loadMapConfig(env: NodeJS.ProcessEnv = process.env): MapConfig {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Ugyldig kortkonfiguration: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = parsed.data;
	if (MAP_TILE_URL !== '' && MAP_TILE_ATTRIBUTION === '') {
		throw new Error(
			'Ugyldig kortkonfiguration: MAP_TILE_ATTRIBUTION skal angives sammen med MAP_TILE_URL',
		);
	}
	// The template's placeholders are not valid in a hostname position, so read the origin by hand.
	const origin = MAP_TILE_URL === '' ? null : (/^https:\/\/[^/]+/.exec(MAP_TILE_URL)?.[0] ?? null);
	return {
		tileUrl: MAP_TILE_URL,
		attribution: MAP_TILE_ATTRIBUTION,
		attributionUrl: parsed.data.MAP_TILE_ATTRIBUTION_URL ?? null,
		tileOrigin: origin === null ? null : origin.replace(/\{s\}/g, '*'),
	};
}
