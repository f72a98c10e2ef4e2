// Starts the viewer on /api/docs. A file, not an inline script, so the page's CSP needs no 'unsafe-inline' for scripts.
// withDefaultFonts and hideClientButton keep it from loading fonts.scalar.com or linking client.scalar.com.
Scalar.createApiReference("#app", {
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
});
