/**
 * The Content-Security-Policy of the kiosk page, for both carriers. Scripts, styles and fonts only from the app's
 * own origin; images and media also from blob:/data: (camera frames, QR codes); the network only to the app itself
 * (plus the browser host's API socket when given).
 */
export function contentSecurityPolicy(apiSocketOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self'${apiSocketOrigin ? ` ${apiSocketOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
