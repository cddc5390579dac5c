import { z } from 'zod';

const HexBytes = z
  .string()
  .regex(/^([0-9a-fA-F]{2})( [0-9a-fA-F]{2})*$/, 'hex bytes separated by spaces, e.g. "01 ff"')
  .transform((s) => Uint8Array.from(s.split(' ').map((b) => parseInt(b, 16))));

/**
 * A document camera's HID side (light, capture button): vendor-specific reports, so they live in a model profile,
 * not in code. No vendor's report layout is publicly confirmed (DEVICES.md §4): a real model's values come from its
 * SDK or a USB capture and go into the site config's `options.hid`.
 */
export const CameraHidProfileSchema = z.object({
  name: z.string().min(1),
  /** Output report that switches the light on / off: report id first (00 when the device has none). */
  lightOn: HexBytes,
  lightOff: HexBytes,
  /** Input report carrying the button: the byte at `offset` (report id included) AND `mask` is non-zero while pressed. */
  button: z.object({ reportId: z.number().int().min(0).max(255).optional(), offset: z.number().int().min(0).max(63), mask: z.number().int().min(1).max(255) }).optional(),
});
export type CameraHidProfile = z.output<typeof CameraHidProfileSchema>;
export type CameraHidProfileInput = z.input<typeof CameraHidProfileSchema>;

/** The product's reference layout, spoken by the simulator; a real model gets its own values in the site config. */
export const REFERENCE_CAMERA_HID: CameraHidProfileInput = {
  name: 'reference',
  lightOn: '02 01',
  lightOff: '02 00',
  button: { reportId: 0x01, offset: 1, mask: 0x01 },
};

export function resolveCameraHidProfile(input: unknown): CameraHidProfile {
  return CameraHidProfileSchema.parse(input ?? REFERENCE_CAMERA_HID);
}

/** Whether an input report says the button is down; reports of other ids or too short say nothing (null). */
export function buttonDown(profile: CameraHidProfile, report: Uint8Array): boolean | null {
  const b = profile.button;
  if (!b) return null;
  if (b.reportId !== undefined && report[0] !== b.reportId) return null;
  const byte = report[b.offset];
  if (byte === undefined) return null;
  return (byte & b.mask) !== 0;
}
