/**
 * The pages' Content-Security-Policy. Next.js inlines its bootstrap scripts and React its styles, so
 * scripts and styles allow 'unsafe-inline' (nonces would force every page to render per request);
 * everything else is our own origin only: no third-party script, frame, font or connection, and no
 * other site may frame us (clickjacking). Development adds 'unsafe-eval' for React's refresh runtime.
 */
export function contentSecurityPolicy(development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
