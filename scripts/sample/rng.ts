/**
 * A small seeded pseudo-random number generator for the sample-data generator.
 *
 * Everything the generator produces must be a pure function of the seed, so no `Math.random()`
 * and no wall clock anywhere. `sfc32` is fast, has a 128-bit state and passes PractRand; the seed
 * string is hashed into that state with `cyrb128`.
 */

/** Hashes a string into four 32-bit words (cyrb128, public domain). */
function cyrb128(text: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
	readonly seed: string;
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: string) {
		this.seed = seed;
		[this.a, this.b, this.c, this.d] = cyrb128(seed);
		// Discard the first outputs so that similar seeds diverge quickly.
		for (let i = 0; i < 12; i++) this.nextUint32();
	}

	/** An independent stream derived from this generator's seed and a label (not from its state). */
	fork(label: string): Rng {
		return new Rng(`${this.seed}/${label}`);
	}

	nextUint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** A float in [min, max). */
	float(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick() from an empty list');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** Picks an item with probability proportional to its weight. */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, weight]) => sum + weight, 0);
		let r = this.next() * total;
		for (const [item, weight] of items) {
			r -= weight;
			if (r < 0) return item;
		}
		const last = items[items.length - 1];
		if (!last) throw new Error('weighted() from an empty list');
		return last[0];
	}

	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
		}
		return copy;
	}

	/** `count` distinct items in random order. */
	sample<T>(items: readonly T[], count: number): T[] {
		return this.shuffle(items).slice(0, count);
	}

	/** A string of `length` decimal digits (may start with 0). */
	digits(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += String(this.int(0, 9));
		return out;
	}

	/** A UUID-shaped string (version nibble 4, RFC 4122 variant), derived from the stream. */
	uuid(): string {
		const words = [this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()];
		const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
		const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}
}
