import { decoderTargets } from './decoders';
import { deviceFrameParserTargets } from './device-frame-parsers';
import type { FuzzTarget } from './fuzz-target';

/** Everything `npm run fuzz` runs. Add an area's targets here (one line each). */
export const FUZZ_TARGETS: FuzzTarget[] = [...deviceFrameParserTargets, ...decoderTargets];
