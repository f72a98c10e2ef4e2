import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * What the Dockerfile's last stage puts in the image, read from the Dockerfile itself so that the
 * copied-bundle test and the image cannot drift apart: its WORKDIR, ENV, CMD and every COPY.
 * Only what that test needs is understood; anything else in a COPY (a stage that is not a build of
 * the whole context, a destination outside WORKDIR) is an error rather than a silent skip.
 */
export type RuntimeImage = {
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  /** HEALTHCHECK's command (exec form). */
  healthcheck: string[];
  copies: { sources: string[]; destination: string }[];
};

type Instruction = { keyword: string; args: string };
type Stage = { name: string; workdir: string; copiesContext: boolean; instructions: Instruction[] };

/** The Dockerfile's instructions, with line continuations joined and comments dropped. */
function instructionsOf(dockerfile: string): Instruction[] {
  const logical = dockerfile
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ");
  return logical
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

function words(args: string): string[] {
  return args.startsWith("[") ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

export function readRuntimeImage(dockerfile: string, repoRoot: string): RuntimeImage {
  const stages: Stage[] = [];
  for (const instruction of instructionsOf(dockerfile)) {
    if (instruction.keyword === "FROM") {
      const name = /\bAS\s+(\S+)/i.exec(instruction.args)?.[1] ?? String(stages.length);
      stages.push({ name, workdir: "/", copiesContext: false, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue;
    stage.instructions.push(instruction);
    if (instruction.keyword === "WORKDIR") stage.workdir = path.posix.resolve(stage.workdir, instruction.args);
    if (instruction.keyword === "COPY" && /^\.\s+\.\/?$/.test(instruction.args.trim())) stage.copiesContext = true;
  }
  const runtime = stages.at(-1);
  if (!runtime) throw new Error("The Dockerfile has no stage");

  const image: RuntimeImage = { workdir: runtime.workdir, env: {}, cmd: [], healthcheck: [], copies: [] };
  // Dockerfile paths are resolved as the instructions run, so WORKDIR is tracked again in order.
  let workdir = "/";
  for (const { keyword, args } of runtime.instructions) {
    if (keyword === "WORKDIR") workdir = path.posix.resolve(workdir, args);
    if (keyword === "ENV") for (const [, key, value] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) image.env[key!] = value!.replace(/^"|"$/g, "");
    if (keyword === "CMD") image.cmd = words(args);
    if (keyword === "HEALTHCHECK") image.healthcheck = words(args.slice(args.indexOf("CMD ") + "CMD ".length).trim());
    if (keyword !== "COPY") continue;
    const parts = words(args);
    const from = parts.find((part) => part.startsWith("--from="))?.slice("--from=".length);
    const paths = parts.filter((part) => !part.startsWith("--"));
    const written = paths.pop()!;
    const destination = path.posix.resolve(workdir, written);
    if (destination !== image.workdir && !destination.startsWith(`${image.workdir}/`)) throw new Error(`COPY to ${destination}, outside ${image.workdir}: not emulated`);
    const sources = paths.map((source) => {
      if (!from) return path.join(repoRoot, source);
      const stage = stages.find((candidate) => candidate.name === from);
      if (!stage?.copiesContext) throw new Error(`COPY --from=${from}: only a stage that builds the whole context (COPY . .) is emulated`);
      const inStage = path.posix.resolve(stage.workdir, source);
      if (!inStage.startsWith(`${stage.workdir}/`)) throw new Error(`COPY --from=${from} ${source}: outside the stage's WORKDIR ${stage.workdir}`);
      return path.join(repoRoot, path.posix.relative(stage.workdir, inStage));
    });
    // A trailing slash makes the destination a folder for files, as in COPY.
    const relative = path.posix.relative(image.workdir, destination);
    image.copies.push({ sources, destination: relative && written.endsWith("/") ? `${relative}/` : relative });
  }
  return image;
}

/** Copies what the image's COPY lines name into `target`, which stands for the image's WORKDIR. */
export function copyRuntimeImage(image: RuntimeImage, target: string): void {
  for (const { sources, destination } of image.copies) {
    const into = path.join(target, destination);
    for (const source of sources) {
      if (!existsSync(source)) throw new Error(`${source} does not exist (COPY source): build first (npm run build)`);
      // As COPY does: a directory's contents go into the destination, a file keeps its name in a directory.
      if (statSync(source).isDirectory()) cpSync(source, into, { recursive: true });
      else {
        mkdirSync(path.dirname(into), { recursive: true });
        cpSync(source, destination.endsWith("/") || destination === "" ? path.join(into, path.basename(source)) : into);
      }
    }
  }
}

/** The worker service's command in docker-compose.yml (`command: [...]`, JSON form). */
export function readComposeWorkerCommand(compose: string): string[] {
  const service = /^ {2}worker:\n((?: {4}.*\n|\n)*)/m.exec(compose)?.[1] ?? "";
  const command = /^ {4}command:\s*(\[.*\])\s*$/m.exec(service)?.[1];
  if (!command) throw new Error("docker-compose.yml: the worker service has no `command: [...]`");
  return JSON.parse(command) as string[];
}

export function readRepoFile(repoRoot: string, name: string): string {
  return readFileSync(path.join(repoRoot, name), "utf8");
}
