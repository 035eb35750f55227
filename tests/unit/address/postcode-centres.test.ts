import { describe, expect, it } from 'vitest';
import { PostcodeCentreAccumulator } from '../../../src/lib/domain/address/postcode-centres';

describe('PostcodeCentreAccumulator', () => {
	it('averages the positions of valid addresses per postcode, in postcode order', () => {
		const centres = new PostcodeCentreAccumulator();
		centres.add('8000', 'Aarhus C', 1, 56.0, 10.0);
		centres.add('1000', 'København K', 3, 55.6, 12.5);
		centres.add('8000', 'Aarhus C', 3, 56.2, 10.4);
		expect(centres.centres()).toEqual([
			{ postcode: '1000', name: 'København K', lat: 55.6, lon: 12.5, addresses: 1 },
			{ postcode: '8000', name: 'Aarhus C', lat: 56.1, lon: 10.2, addresses: 2 },
		]);
	});

	it('leaves out retired and positionless addresses, and postcodes with nothing else', () => {
		const centres = new PostcodeCentreAccumulator();
		centres.add('8000', 'Aarhus C', 2, 50, 5); // nedlagt
		centres.add('8000', 'Aarhus C', 4, 50, 5); // henlagt
		centres.add('8000', 'Aarhus C', 1, null, 10);
		centres.add('9000', null, 1, 57, 9.9);
		expect(centres.centres()).toEqual([
			{ postcode: '9000', name: null, lat: 57, lon: 9.9, addresses: 1 },
		]);
	});
});
