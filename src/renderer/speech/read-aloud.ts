/**
 * Reads an instruction aloud with the browser's speech synthesis when the machine has a voice for the language.
 * Without one (many Linux kiosks), speak() answers false and the screen says so; docs/screens.md describes the
 * fallback (install a Chinese voice, e.g. speech-dispatcher with a Mandarin voice, or Electron on Windows).
 */
export function voiceFor(language: string): SpeechSynthesisVoice | null {
  if (typeof window === 'undefined' || !window.speechSynthesis) return null;
  const voices = window.speechSynthesis.getVoices();
  const base = language.split('-')[0]!;
  return voices.find((v) => v.lang === language) ?? voices.find((v) => v.lang.startsWith(base)) ?? null;
}

export function canSpeak(language: string): boolean {
  return voiceFor(language) !== null;
}

export function speak(text: string, language: string, rate = 1): boolean {
  const voice = voiceFor(language);
  if (!voice) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = rate;
  window.speechSynthesis.speak(utterance);
  return true;
}
