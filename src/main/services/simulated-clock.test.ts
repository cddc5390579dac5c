import { SimulatedClock } from './simulated-clock';

describe('the kiosk clock under --simulate', () => {
  it('runs with the machine, moves forward by what it is told, never back', () => {
    const clock = new SimulatedClock();
    const before = Date.now();
    expect(Math.abs(clock.now().getTime() - before)).toBeLessThan(1000);
    const later = clock.advance(90 * 60_000).getTime();
    expect(later - Date.now()).toBeGreaterThan(90 * 60_000 - 1000);
    clock.advance(-3 * 60 * 60_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(later);
  });
});
