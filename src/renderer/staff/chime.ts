/**
 * The help-call chime: two soft tones made with Web Audio (no sound file to ship). A screen whose audio is blocked
 * still shows the banner; the chime is never the only signal.
 */
let context: AudioContext | null = null;

export function chime(): boolean {
  try {
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume();
    const at = ctx.currentTime;
    [880, 660].forEach((frequency, i) => {
      const tone = ctx.createOscillator();
      const gain = ctx.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.3, at + i * 0.35 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + i * 0.35 + 0.33);
      tone.connect(gain).connect(ctx.destination);
      tone.start(at + i * 0.35);
      tone.stop(at + i * 0.35 + 0.34);
    });
    return true;
  } catch {
    return false;
  }
}
