import { z } from 'zod';
import { defineMethod } from '../define';
import { done, flag } from '../method-shapes';

/** The document camera's HID side (light, capture button); the video is read by the screen itself. */
export const cameraMethods = {
  'camera.settings': defineMethod({
    summary: 'Which camera the screen should open (label or device id from the site config), the resolution to ask for and the JPEG size limit per page.',
    access: ['public'],
    schemas: () => ({
      output: z.object({
        label: z.string().nullable(),
        deviceId: z.string().nullable(),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        maxBytes: z.number().int().positive(),
      }),
    }),
  }),
  'camera.light': defineMethod({
    summary: 'Switch the document camera light (materials step on = on); switched: false when the model has no HID side.',
    access: ['public'],
    schemas: () => ({ input: z.object({ on: z.boolean() }).strict(), output: flag('switched') }),
  }),
  'dev.camera.press': defineMethod({
    summary: "Simulator: press the document camera's capture button (the screen gets camera.buttonPressed).",
    access: ['public'],
    schemas: () => ({ input: z.object({ deviceId: z.string().max(40).optional() }).strict(), output: done() }),
  }),
} as const;
