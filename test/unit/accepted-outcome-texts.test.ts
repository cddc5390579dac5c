import fc from 'fast-check';
import { acceptedOutcome, acceptedOutcomeTexts } from '../../src/county/intake-statements';

/**
 * The first outcome's stored body is made as text (intake-statements.ts: 50 objects a batch made and stringified
 * cost the intake's CPU); it must be the very text JSON.stringify makes of the outcome, whatever the strings hold.
 */
describe('acceptedOutcomeTexts', () => {
  it('is JSON.stringify of each accepted outcome, for any item id, tracking number and time', () => {
    const odd = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\u2028', '\ud800', 'a\u0000b', '</script>'));
    fc.assert(
      fc.property(fc.array(fc.record({ itemId: odd, trackingNumber: odd }), { maxLength: 5 }), odd, (fresh, at) => {
        expect(acceptedOutcomeTexts(fresh, at)).toEqual(fresh.map((f) => JSON.stringify(acceptedOutcome(f.itemId, f.trackingNumber, at))));
      }),
    );
  });

  it('parses back to the outcome', () => {
    const [text] = acceptedOutcomeTexts([{ itemId: 'id-1', trackingNumber: '20261130-AB' }], '2026-12-01T10:00:00.000Z');
    expect(JSON.parse(text!)).toEqual(acceptedOutcome('id-1', '20261130-AB', '2026-12-01T10:00:00.000Z'));
  });
});
