// The human docs for /api/v1: Scalar's viewer (vendored under public/vendor/scalar) over the OpenAPI
// document. A plain page outside the app's layout, since the viewer takes over the whole document.
const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Yozuv API</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/vendor/scalar/standalone.js"></script>
    <script src="/vendor/scalar/init.js"></script>
  </body>
</html>
`;

// Everything from this server only: a page that tried to reach anywhere else would be refused.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'";

export function GET(): Response {
  return new Response(page, { headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": contentSecurityPolicy, "Cache-Control": "public, max-age=300" } });
}
