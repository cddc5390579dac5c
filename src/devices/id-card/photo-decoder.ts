/**
 * The ID card photo is WLT-compressed; only the vendor's library (e.g. the reader maker's libwlt / WltRS) decodes it
 * and it is licensed with the SAM module, so the kiosk does not carry one. A site that has it supplies this hook
 * (see docs/devices/id-card-reader.md). Without it, the photo stays as its 1024 WLT bytes and no screen shows it.
 */
export interface PhotoDecoder {
  /** 1024 WLT bytes in, a 102x126 image out. */
  decode(wlt: Uint8Array): Promise<{ mime: 'image/bmp' | 'image/png' | 'image/jpeg'; bytes: Uint8Array }>;
}
