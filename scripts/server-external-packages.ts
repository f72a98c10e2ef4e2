// Packages loaded by Node from node_modules at run time instead of being bundled: native addons,
// WASM and packages that read files next to their own code. Shared by next.config.ts (the web
// server's bundle) and scripts/build-worker.ts (the standalone worker's), so both find the same
// copies in the standalone bundle's node_modules.
export const serverExternalPackages = [
  "@electric-sql/pglite",
  "pino",
  "pino-pretty",
  "postgres",
  "rate-limiter-flexible",
  "pg-boss",
  "pg",
  "@napi-rs/whisper",
  "@ffmpeg-installer/ffmpeg",
  "pdfkit",
  "@aws-sdk/client-s3",
  "@aws-sdk/lib-storage",
  "@aws-sdk/s3-presigned-post",
  // Bundled, twilio's 8 MB went into the shared chunk that every group of API routes gets its own copy
  // of (about ten), each held in memory as source.
  "twilio",
];
