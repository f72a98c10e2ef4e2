// `npm run build`, after `next build`: makes `.next/standalone` a complete, self-contained app that
// runs from any folder (the Dockerfile copies just this folder; see the README's "Deploying"):
// - `.next/static` and `public` beside server.js, which Next leaves out of the standalone output;
// - `worker.mjs`: scripts/worker.ts as one plain JavaScript file, so `node worker.mjs` runs without
//   tsx, TypeScript or any dev dependency. Everything is bundled except the packages the web server
//   also loads from node_modules (scripts/server-external-packages.ts): the standalone node_modules
//   has them already, so the worker uses the very same native binaries and WASM files.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { serverExternalPackages } from "./server-external-packages";

// npm scripts run from the project root.
const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) throw new Error(`${standalone}/server.js is missing: run next build (output: "standalone") first`);

for (const folder of [path.join(".next", "static"), "public"]) {
  rmSync(path.join(standalone, folder), { recursive: true, force: true });
  cpSync(path.join(root, folder), path.join(standalone, folder), { recursive: true });
}

async function main(): Promise<void> {
  await build({
    entryPoints: [path.join(root, "scripts", "worker.ts")],
    outfile: path.join(standalone, "worker.mjs"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // As tsx runs it (`npm run worker`): `server-only` resolves to its empty server build.
    conditions: ["react-server"],
    external: serverExternalPackages,
    tsconfig: path.join(root, "tsconfig.json"),
    legalComments: "none",
    logLevel: "warning",
    // Bundled CommonJS packages call require(), which ESM output lacks. Like server.js, the worker
    // runs from its own folder, where the files found from the working directory are (migrations,
    // ffmpeg, whisper-worker.mjs).
    banner: {
      js: [
        'import { createRequire as __yozuvCreateRequire } from "node:module";',
        'import { fileURLToPath as __yozuvFileURLToPath } from "node:url";',
        "const require = __yozuvCreateRequire(import.meta.url);",
        'process.chdir(__yozuvFileURLToPath(new URL(".", import.meta.url)));',
      ].join("\n"),
    },
  });
  console.log("standalone bundle completed: .next/standalone (server.js, worker.mjs, .next/static, public)");
}

void main();
