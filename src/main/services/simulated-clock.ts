/**
 * The kiosk's clock under --simulate: the machine's time plus an offset that only ever grows, moved by
 * `dev.clock.advance`, so an end-to-end test can stand two hours later without waiting two hours (a fault's response
 * time running out). Never backwards: stamps the kiosk made must stay in order. Timers still run on real time.
 */
export class SimulatedClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  advance(ms: number): Date {
    this.offsetMs += Math.max(0, ms);
    return this.now();
  }
}
