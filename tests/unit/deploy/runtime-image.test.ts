import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyRuntimeImage, readComposeWorkerCommand, readRepoFile, readRuntimeImage } from "../../bundle/runtime-image";

// The copied-bundle test trusts this reading of the Dockerfile; a COPY it cannot emulate must stop it.
const repoRoot = path.resolve(import.meta.dirname, "../../..");
let scratch = "";

afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const multiStage = (runtime: string) => `ARG BASE=node:20
FROM \${BASE} AS build
WORKDIR /app
COPY . .
RUN npm run build

FROM \${BASE} AS runtime
WORKDIR /app
${runtime}
`;

describe("readRuntimeImage", () => {
  it("reads the last stage of the repository's Dockerfile: the standalone folder, its ENV, CMD and HEALTHCHECK", () => {
    const image = readRuntimeImage(readRepoFile(repoRoot, "Dockerfile"), repoRoot);
    expect(image.workdir).toBe("/app");
    expect(image.copies).toContainEqual({ sources: [path.join(repoRoot, ".next", "standalone")], destination: "" });
    expect(image.env).toMatchObject({ NODE_ENV: "production", PORT: "3000", DATA_DIR: "/data", MODELS_DIR: "/models" });
    expect(image.cmd).toEqual(["node", "server.js"]);
    expect(image.healthcheck.slice(0, 2)).toEqual(["node", "-e"]);
    expect(image.healthcheck[2]).toContain("/api/health");
    expect(readComposeWorkerCommand(readRepoFile(repoRoot, "docker-compose.yml"))).toEqual(["node", "worker.mjs"]);
  });

  it("copies a directory's contents and a file by name, as COPY does", () => {
    scratch = mkdtempSync(path.join(tmpdir(), "yozuv-dockerfile-"));
    const repo = path.join(scratch, "repo");
    mkdirSync(path.join(repo, "out", "inner"), { recursive: true });
    writeFileSync(path.join(repo, "out", "inner", "a.txt"), "a");
    writeFileSync(path.join(repo, "extra.txt"), "b");
    const image = readRuntimeImage(multiStage("COPY --from=build --chown=node:node /app/out ./\nCOPY --from=build /app/extra.txt ./conf/"), repo);
    const target = path.join(scratch, "image");
    copyRuntimeImage(image, target);
    expect(readFileSync(path.join(target, "inner", "a.txt"), "utf8")).toBe("a");
    expect(readFileSync(path.join(target, "conf", "extra.txt"), "utf8")).toBe("b");
  });

  it("refuses what it cannot emulate rather than skipping it", () => {
    expect(() => readRuntimeImage(multiStage("COPY --from=build /app/out /opt/out"), repoRoot)).toThrow("outside /app");
    expect(() => readRuntimeImage(multiStage("COPY --from=deps /app/node_modules ./node_modules"), repoRoot)).toThrow("--from=deps");
    expect(() => readRuntimeImage(multiStage("COPY --from=build /etc/passwd ./"), repoRoot)).toThrow("outside the stage's WORKDIR");
    const missing = readRuntimeImage(multiStage("COPY --from=build /app/not-built ./"), repoRoot);
    expect(() => copyRuntimeImage(missing, path.join(tmpdir(), "never-written"))).toThrow("does not exist");
  });
});
