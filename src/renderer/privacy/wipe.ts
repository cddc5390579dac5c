/**
 * Wipes every trace of a resident the screen side could hold between two visits: web storage, IndexedDB, Cache Storage, object URLs of captured images, and speech in progress.
 * React state and the DOM are dropped by remounting the visit (see app/App.tsx).
 */
const objectUrls = new Set<string>();

/** Make an object URL for a captured image that the next wipe revokes. */
export function trackedObjectUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  objectUrls.add(url);
  return url;
}

export function revokeTrackedUrl(url: string): void {
  if (objectUrls.delete(url)) URL.revokeObjectURL(url);
}

export async function wipeResidentTraces(): Promise<void> {
  for (const url of objectUrls) URL.revokeObjectURL(url);
  objectUrls.clear();
  try {
    window.localStorage.clear();
    window.sessionStorage.clear();
  } catch {
    // Storage can be disabled by policy; then there is nothing in it either.
  }
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  const work: Promise<unknown>[] = [];
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    work.push(
      indexedDB.databases().then((dbs) =>
        Promise.all(
          dbs.map(
            (db) =>
              new Promise<void>((resolve) => {
                if (!db.name) return resolve();
                const request = indexedDB.deleteDatabase(db.name);
                request.onsuccess = request.onerror = request.onblocked = () => resolve();
              }),
          ),
        ),
      ),
    );
  }
  if (typeof caches !== 'undefined') {
    work.push(caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))));
  }
  await Promise.allSettled(work);
}
