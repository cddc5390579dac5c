// Loaded into the kiosk and county processes of an e2e test with NODE_OPTIONS=--require: their wall clock reads
// E2E_CLOCK_OFFSET_MS later than the machine's (timers are untouched), so a test can stand on the 12th or the 16th.
const offset = Number(process.env.E2E_CLOCK_OFFSET_MS || 0);
if (offset) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
