/** Reloads the page: start-up's last resort when nothing can be shown (blank-page-reload.ts). */
export function reloadPage(): void {
  window.location.reload();
}
