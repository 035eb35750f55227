import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileRepository } from '../../src/lib/server/repositories/file-repository';
import { storedFileResponse } from '../../src/lib/server/services/reporting/file-response';
import { createWorld, type World } from './reporting-world';

/** A real JPEG with EXIF (GPS position, camera) written by sharp itself. */
async function photoWithExif(width = 2400, height = 1600): Promise<Uint8Array> {
	const buffer = await sharp({
		create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } },
	})
		.jpeg()
		.withExif({
			IFD0: { Make: 'Kamerafabrik', Model: 'Hemmelig X1', Copyright: 'Privat' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '56/1 9/1 0/1' },
		})
		.toBuffer();
	return new Uint8Array(buffer);
}

describe('photo uploads (real sharp)', () => {
	let w: World;
	beforeEach(async () => {
		w = await createWorld();
	});
	const add = (bytes: Uint8Array, altText = 'Medarbejdere foran huset', baseVersion = 0) =>
		w.rt.profile.addPhoto(w.aarhus, 'kommune-0751', { baseVersion, upload: { bytes }, altText });

	it('re-encodes to a JPEG without EXIF, scaled to at most 1600 px, content-addressed', async () => {
		const input = await photoWithExif();
		expect((await sharp(input).metadata()).exif).toBeDefined();
		const result = await add(input);
		if (!result.ok) throw new Error(JSON.stringify(result));
		const [photo] = result.value.photos;
		expect(photo).toMatchObject({ altText: 'Medarbejdere foran huset', width: 1600, height: 1067 });
		const stored = new FileRepository(w.db).get(photo!.fileId)!;
		expect(stored.mediaType).toBe('image/jpeg');
		const meta = await sharp(stored.content).metadata();
		expect(meta.format).toBe('jpeg');
		expect(meta.exif).toBeUndefined();
		expect(meta.xmp).toBeUndefined();
		expect(meta.iptc).toBeUndefined();
		expect(stored.content.includes(Buffer.from('Hemmelig'))).toBe(false);
		expect(photo!.fileId).toMatch(/^[0-9a-f]{64}$/);
	});

	it('accepts PNG and WebP, and flattens transparency', async () => {
		const png = await sharp({
			create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
		})
			.png()
			.toBuffer();
		const webp = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#00f' } })
			.webp()
			.toBuffer();
		expect((await add(new Uint8Array(png))).ok).toBe(true);
		expect((await add(new Uint8Array(webp), 'Blå flade', 1)).ok).toBe(true);
	});

	it('refuses a text file renamed .jpg, a GIF, a truncated JPEG and an oversize file', async () => {
		const text = new TextEncoder().encode('Dette er bare tekst med .jpg i navnet');
		expect(await add(text)).toMatchObject({
			reason: 'invalid',
			errors: [{ field: 'photo', message: expect.stringMatching(/JPEG-, PNG- eller WebP/) }],
		});
		const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
		expect(await add(gif)).toMatchObject({ reason: 'invalid' });
		const truncated = (await photoWithExif(100, 100)).subarray(0, 200);
		expect(await add(truncated)).toMatchObject({
			reason: 'invalid',
			errors: [{ message: expect.stringMatching(/kunne ikke læses/) }],
		});
		const huge = new Uint8Array(10 * 1024 * 1024 + 1);
		huge.set([0xff, 0xd8, 0xff]);
		expect(await add(huge)).toMatchObject({
			reason: 'invalid',
			errors: [{ message: expect.stringMatching(/for stort/) }],
		});
		expect(w.db.$client.prepare('SELECT count(*) AS n FROM stored_files').get()).toEqual({ n: 0 });
	});

	it('requires alt text and allows at most four photos', async () => {
		const input = await photoWithExif(50, 50);
		expect(await add(input, '   ')).toMatchObject({
			reason: 'invalid',
			errors: [{ field: 'alt' }],
		});
		for (let i = 0; i < 4; i++) expect((await add(input, `Billede ${i}`, i)).ok).toBe(true);
		expect(await add(input, 'Billede 5', 4)).toMatchObject({
			reason: 'invalid',
			errors: [{ field: 'photo', message: expect.stringMatching(/højst være 4 billeder/) }],
		});
	});

	it('changes alt text, moves and removes photos as new profile versions', async () => {
		const input = await photoWithExif(50, 50);
		await add(input, 'Første');
		const two = await add(input, 'Andet', 1);
		if (!two.ok) throw new Error();
		const [first, second] = two.value.photos;
		expect(
			w.rt.profile.changePhoto(w.aarhus, 'kommune-0751', {
				baseVersion: 2,
				photoKey: second!.photoKey,
				action: 'up',
				altText: '',
			}).ok,
		).toBe(true);
		const removed = w.rt.profile.changePhoto(w.aarhus, 'kommune-0751', {
			baseVersion: 3,
			photoKey: first!.photoKey,
			action: 'remove',
			altText: '',
		});
		expect(removed.ok && removed.value.photos.map((p) => p.altText)).toEqual(['Andet']);
		const view = w.rt.profile.editView(w.aarhus, 'kommune-0751');
		expect(view.ok && view.value.history.map((v) => v.photos.length)).toEqual([1, 2, 2, 1]);
		const actions = w.rt.auditLog
			.page({ entityType: 'provider_profile' }, 10, 0)
			.rows.map((r) => r.action);
		expect(actions).toEqual([
			'profile.photo_removed',
			'profile.photo_moved',
			'profile.photo_added',
			'profile.photo_added',
		]);
	});

	it('serves stored files by content hash only, with their checked type', async () => {
		const result = await add(await photoWithExif(20, 20));
		if (!result.ok) throw new Error();
		const files = new FileRepository(w.db);
		const ok = storedFileResponse(files, result.value.photos[0]!.fileId);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('image/jpeg');
		expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
		expect(storedFileResponse(files, '../../etc/passwd').status).toBe(404);
		expect(storedFileResponse(files, 'a'.repeat(64)).status).toBe(404);
	});
});
