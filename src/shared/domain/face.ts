/**
 * What a face capture is for, and what the face module says while it looks. Defined once: the screen's contract
 * (contract/methods/face.ts) and the module's wire protocol (devices/face/protocol.ts) both use these lists. The order
 * is the wire's: the module's purpose and progress bytes are an index into them, plus one.
 */
export const FACE_PURPOSES = ['certification', 'remodel', 'cardPhoto'] as const;

export const FACE_MODULE_STEPS = [
  'faceFound',
  'noFace',
  'tooFar',
  'tooClose',
  'turnLeft',
  'turnRight',
  'blink',
  'openMouth',
  'holdStill',
  'tooDark',
  'tooBright',
  'capturing',
] as const;
