import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DataKey } from '../crypto/data-key';
import { writeFileAtomic } from '../files/atomic-write';

const PeerSchema = z.object({ id: z.string().uuid(), name: z.string().max(80), key: z.string().max(100), pairedAt: z.string() });
const KioskSchema = z.object({ address: z.string().max(200), peerId: z.string().uuid(), key: z.string().max(100), name: z.string().max(80), pairedAt: z.string() });
const PairingFileSchema = z.object({ peers: z.array(PeerSchema).max(20).default([]), kiosk: KioskSchema.nullable().default(null) });
export type PairingState = z.infer<typeof PairingFileSchema>;
export type PairedPeer = z.infer<typeof PeerSchema>;
export type PairedKiosk = z.infer<typeof KioskSchema>;

const CONTEXT = 'lan-pairing';

/**
 * The pairing keys, sealed with the data key in one file of the data dir (0600, replaced by rename): on the kiosk
 * the window PCs paired with it, on the window PC the kiosk it is paired with. A file that cannot be opened counts
 * as no pairing (pair again), never as a crash.
 */
export class PairingStore {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly key: DataKey,
  ) {
    this.file = path.join(dataDir, 'lan-pairing.sealed');
  }

  read(): PairingState {
    try {
      return PairingFileSchema.parse(this.key.openJson(fs.readFileSync(this.file), CONTEXT));
    } catch {
      return { peers: [], kiosk: null };
    }
  }

  write(state: PairingState): void {
    writeFileAtomic(this.file, this.key.sealJson(state, CONTEXT));
  }
}
