import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { kommuneOutlines, type KommuneShapes } from '../../../domain/geo/outlines';

/** The kommune outlines as JSON text and gzip, ready to send. */
export interface OutlineBody {
	json: Uint8Array<ArrayBuffer>;
	gzip: Uint8Array<ArrayBuffer>;
	etag: string;
}

// 300 m keeps Denmark recognisable at every zoom the maps use, at ~150 KB of JSON (~40 KB gzip).
const TOLERANCE_METRES = 300;

/**
 * Kommune outlines drawn under the markers when no tile server is configured, so an offline map
 * still shows where the places are. Built once from db/reference/kommune-shapes.json.
 */
export class OutlineService {
	private body: Promise<OutlineBody> | null = null;

	constructor(private readonly shapesPath: string) {}

	/** The outlines, computed on first use and then kept for the life of the process. */
	outlines(): Promise<OutlineBody> {
		this.body ??= this.build().catch((error: unknown) => {
			this.body = null;
			throw error;
		});
		return this.body;
	}

	private async build(): Promise<OutlineBody> {
		const file = JSON.parse(await readFile(this.shapesPath, 'utf8')) as { kommuner: KommuneShapes };
		const json = new TextEncoder().encode(
			JSON.stringify(kommuneOutlines(file.kommuner, TOLERANCE_METRES)),
		);
		const gzip = new Uint8Array(gzipSync(json));
		return { json, gzip, etag: `"kommuner-${json.byteLength}-${gzip.byteLength}"` };
	}
}
