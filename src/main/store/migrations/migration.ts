/** One numbered schema step. Versions are consecutive from 1; a step never changes once released. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL run inside the start-up transaction. */
  readonly up: string;
}
