/**
 * The pages' Content-Security-Policy. Next.js inlines its bootstrap scripts and React its styles, so
 * scripts and styles allow 'unsafe-inline' (nonces would force every page to render per request);
 * everything else is our own origin only: no third-party script, frame, font or connection, and no
 * other site may frame us (clickjacking). Development adds 'unsafe-eval' for React's refresh runtime.
 * `uploadOrigin` is the bucket the upload panel sends files to directly, when recordings live in S3.
 */
export function contentSecurityPolicy(development: boolean, uploadOrigin: string | null = null): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src 'self'${uploadOrigin ? ` ${uploadOrigin}` : ""}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
