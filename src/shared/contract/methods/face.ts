import { z } from 'zod';
import { defineMethod } from '../define';
import { done, flag } from '../method-shapes';
import { FACE_MODULE_STEPS, FACE_PURPOSES } from '../../domain/face';

export const FacePurposeSchema = z.enum(FACE_PURPOSES);

/** The module's own steps, and 'started' (the core's, when the capture begins). */
export const FaceProgressStepSchema = z.enum(['started', ...FACE_MODULE_STEPS]);

export const faceMethods = {
  'face.capture': defineMethod({
    summary:
      'Run one liveness capture on the face module (progress as face.progress events). Fails with liveness_failed ' +
      '(details.reason spoof | noFace | lowScore), device_timeout (module silent), cancelled or device_not_configured. ' +
      'A clerk may run it for a resident at the window (assisted certification). The image and its scores stay in the core: ' +
      'the answer is a one-time captureId that applications.submit names (refused when reused, expired, from another ' +
      'connection or from an earlier visit).',
    access: ['resident', 'clerk'],
    schemas: () => ({ input: z.object({ purpose: FacePurposeSchema }).strict(), output: z.object({ captureId: z.string().uuid() }).strict() }),
  }),
  'face.cancel': defineMethod({
    summary: 'Stop the running capture (the resident left or pressed back).',
    access: ['public'],
    schemas: () => ({ output: flag('cancelled') }),
  }),
  'dev.face.nextOutcome': defineMethod({
    summary: 'Simulator: what the next face session does (silent lasts until changed).',
    access: ['public'],
    schemas: () => ({ input: z.object({ outcome: z.enum(['pass', 'spoof', 'noFace', 'silent']), deviceId: z.string().max(40).optional() }).strict(), output: done() }),
  }),
} as const;
