import { execFile, execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { crc32 } from "node:zlib";

/**
 * Test audio made at run time from the shared speech sample, so no binary fixtures live in the repo.
 * Files are cached in the OS temp folder under a hash of this file and the source, so editing a
 * recipe regenerates everything and an unchanged setup reuses the previous run's files.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const speechSource = path.resolve(repoRoot, "../shared/audio/jfk.wav");
const clipSeconds = 3;
const runFile = promisify(execFile);

type Recipe = { file: string; make: (out: string) => Promise<void> };

// Three seconds of speech is enough for every check and keeps generation around a second in total.
const speech = ["-t", String(clipSeconds), "-i", speechSource];
const picture = ["-f", "lavfi", "-i", "testsrc=size=64x64:rate=10"];

const recipes = {
  mp3: ffmpegRecipe("speech-cbr.mp3", [...speech, "-c:a", "libmp3lame", "-b:a", "64k"]),
  mp3Vbr: ffmpegRecipe("speech-vbr.mp3", [...speech, "-c:a", "libmp3lame", "-q:a", "5"]),
  mp3WithCover: {
    file: "speech-cover.mp3",
    make: async (out) => {
      const cover = await build("coverImage");
      await runFfmpeg([...speech, "-i", cover, "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-b:a", "64k", "-c:v", "copy"]
        .concat(["-id3v2_version", "3", "-metadata:s:v", "title=Album cover", "-disposition:v", "attached_pic", out]));
    },
  },
  // Random noise does not compress, so the PNG (and the ID3 tag holding it) is one to two megabytes.
  coverImage: ffmpegRecipe("cover.png", ["-f", "lavfi", "-i", "nullsrc=s=850x850,geq=r=random(1)*255:g=random(2)*255:b=random(3)*255", "-frames:v", "1"]),
  wav: ffmpegRecipe("speech.wav", [...speech, "-c:a", "pcm_s16le"]),
  wavStreamed: { file: "speech-streamed.wav", make: (out) => runFfmpegToStdout([...speech, "-c:a", "pcm_s16le", "-f", "wav", "pipe:1"], out) },
  m4a: ffmpegRecipe("speech.m4a", [...speech, "-c:a", "aac", "-b:a", "64k"]),
  m4aIsom: ffmpegRecipe("speech-isom.m4a", [...speech, "-c:a", "aac", "-b:a", "64k", "-brand", "isom"]),
  m4aFaststart: ffmpegRecipe("speech-faststart.m4a", [...speech, "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart"]),
  flac: ffmpegRecipe("speech.flac", [...speech, "-c:a", "flac"]),
  oggOpus: ffmpegRecipe("speech.opus", [...speech, "-c:a", "libopus", "-b:a", "32k"]),
  oggVorbis: ffmpegRecipe("speech.ogg", [...speech, "-c:a", "libvorbis"]),
  webmOpus: ffmpegRecipe("speech.webm", [...speech, "-c:a", "libopus", "-b:a", "32k"]),
  // Like a browser's MediaRecorder: unknown segment and cluster sizes, no duration, no cues.
  webmLive: ffmpegRecipe("speech-live.webm", [...speech, "-c:a", "libopus", "-b:a", "32k", "-f", "webm", "-live", "1"]),
  mp4WithVideo: ffmpegRecipe("speech-video.mp4", [...picture, ...speech, "-t", String(clipSeconds), "-c:v", "mpeg4", "-c:a", "aac", "-shortest"]),
  mp4VideoOnly: ffmpegRecipe("video-only.mp4", [...picture, "-t", "1", "-c:v", "mpeg4"]),
  webmWithVideo: ffmpegRecipe("speech-video.webm", [...picture, ...speech, "-t", String(clipSeconds), "-c:v", "libvpx", "-c:a", "libopus", "-shortest"]),
  aiff: ffmpegRecipe("speech.aiff", [...speech, "-c:a", "pcm_s16be"]),
  aacAdts: ffmpegRecipe("speech.aac", [...speech, "-c:a", "aac", "-f", "adts"]),

  html: textRecipe("page.mp3", "<!doctype html>\n<html><head><title>x</title></head><body><p>Not audio</p></body></html>\n"),
  svg: textRecipe("image.mp3", '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>\n'),
  zip: { file: "archive.mp3", make: (out) => writeFile(out, zipWithOneFile("speech.mp3", Buffer.from("not really"))) },
  elf: { file: "program.mp3", make: async (out) => writeFile(out, await readHead(process.execPath, 64 * 1024)) },
  exe: { file: "program.m4a", make: (out) => writeFile(out, windowsExecutableHeader()) },
  empty: textRecipe("empty.mp3", ""),
  textAsWav: textRecipe("notes.wav", "RIFF is how this text begins, but it is only text.\n"),

  mp3Truncated: truncatedRecipe("speech-cbr-truncated.mp3", "mp3", 0.4),
  mp3VbrTruncated: truncatedRecipe("speech-vbr-truncated.mp3", "mp3Vbr", 0.4),
  // Cut in the middle of the audio after the tag: a cut by file size alone can land inside the cover, whose size varies with ffmpeg.
  mp3WithCoverTruncated: {
    file: "speech-cover-truncated.mp3",
    make: async (out) => {
      const source = await build("mp3WithCover");
      const tag = await id3TagLength(source);
      await cutFile(source, out, tag + Math.floor(((await stat(source)).size - tag) / 2));
    },
  },
  mp3TagOnly: { file: "tag-only.mp3", make: async (out) => cutFile(await build("mp3WithCover"), out, await id3TagLength(await build("mp3WithCover"))) },
  wavTruncated: truncatedRecipe("speech-truncated.wav", "wav", 0.5),
  wavHeaderOnly: { file: "header-only.wav", make: async (out) => cutFile(await build("wav"), out, 44) },
  m4aTruncated: truncatedRecipe("speech-truncated.m4a", "m4a", 0.5),
  m4aFaststartTruncated: truncatedRecipe("speech-faststart-truncated.m4a", "m4aFaststart", 0.6),
  flacTruncated: truncatedRecipe("speech-truncated.flac", "flac", 0.6),
  flacHeaderOnly: { file: "header-only.flac", make: async (out) => cutFile(await build("flac"), out, 8 * 1024) },
  oggOpusTruncated: truncatedRecipe("speech-truncated.opus", "oggOpus", 0.6),
  webmTruncated: truncatedRecipe("speech-truncated.webm", "webmOpus", 0.5),
  webmLiveTruncated: truncatedRecipe("speech-live-truncated.webm", "webmLive", 0.5),
} satisfies Record<string, Recipe>;

export type AudioFixtureName = keyof typeof recipes;
export type AudioFixtures = Record<AudioFixtureName, string>;
export const audioFixtureClipSeconds = clipSeconds;

let cacheDir: string | undefined;
const building = new Map<string, Promise<string>>();

/** Paths of every fixture, generated on first use. Allow ~30 s in the calling `beforeAll` for a cold cache. */
export async function getAudioFixtures(): Promise<AudioFixtures> {
  const names = Object.keys(recipes) as AudioFixtureName[];
  const paths = await Promise.all(names.map((name) => build(name)));
  return Object.fromEntries(names.map((name, index) => [name, paths[index]])) as AudioFixtures;
}

// Takes a plain string so recipes can build each other without a circular type; unknown names throw.
function build(name: string): Promise<string> {
  const recipe = (recipes as Record<string, Recipe>)[name];
  if (!recipe) return Promise.reject(new Error(`No audio fixture named ${name}`));
  let pending = building.get(name);
  if (!pending) {
    pending = buildOnce(recipe);
    building.set(name, pending);
  }
  return pending;
}

async function buildOnce(recipe: Recipe): Promise<string> {
  const dir = await fixtureDir();
  const target = path.join(dir, recipe.file);
  if (existsSync(target)) return target;
  // Test files run in parallel workers: each writes its own temp file and renames it into place.
  const extension = path.extname(recipe.file);
  const temp = path.join(dir, `${path.basename(recipe.file, extension)}.${process.pid}-${randomBytes(4).toString("hex")}${extension}`);
  try {
    await recipe.make(temp);
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
  return target;
}

async function fixtureDir(): Promise<string> {
  if (cacheDir) return cacheDir;
  const source = await stat(speechSource).catch(() => {
    throw new Error(`Test audio needs ${speechSource} (the shared samples next to the repository)`);
  });
  const hash = createHash("sha256")
    .update(await readFile(fileURLToPath(import.meta.url)))
    .update(`${source.size}:${source.mtimeMs}:${ffmpegBinary()}`)
    .digest("hex")
    .slice(0, 16);
  cacheDir = path.join(tmpdir(), `yozuv-fixtures-${hash}`);
  await mkdir(cacheDir, { recursive: true });
  return cacheDir;
}

let resolvedFfmpeg: string | undefined;

/** Debian's ffmpeg when installed (newer, faster), else the static binary bundled by npm. */
function ffmpegBinary(): string {
  if (resolvedFfmpeg) return resolvedFfmpeg;
  try {
    execFileSync("ffmpeg", ["-version"], { stdio: "ignore" });
    resolvedFfmpeg = "ffmpeg";
  } catch {
    const require = createRequire(import.meta.url);
    resolvedFfmpeg = (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  }
  return resolvedFfmpeg;
}

const quiet = ["-hide_banner", "-loglevel", "error", "-nostdin", "-y"];

async function runFfmpeg(args: string[]): Promise<void> {
  await runFile(ffmpegBinary(), [...quiet, ...args]);
}

function ffmpegRecipe(file: string, args: string[]): Recipe {
  return { file, make: (out) => runFfmpeg([...args, out]) };
}

// A pipe is not seekable, so ffmpeg cannot go back to fill in sizes: what streaming recorders produce.
function runFfmpegToStdout(args: string[], out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegBinary(), [...quiet, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    const sink = createWriteStream(out);
    child.stdout.pipe(sink);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`ffmpeg exited with ${code}`));
      else if (sink.writableFinished) resolve();
      else sink.on("finish", () => resolve());
    });
  });
}

function textRecipe(file: string, content: string): Recipe {
  return { file, make: (out) => writeFile(out, content) };
}

/** The first `fraction` of another fixture, as an interrupted download or copy leaves it. */
function truncatedRecipe(file: string, from: string, fraction: number): Recipe {
  return {
    file,
    make: async (out) => {
      const source = await build(from);
      await cutFile(source, out, Math.floor((await stat(source)).size * fraction));
    },
  };
}

async function cutFile(source: string, out: string, length: number): Promise<void> {
  await writeFile(out, await readHead(source, length));
}

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function id3TagLength(file: string): Promise<number> {
  const header = await readHead(file, 10);
  if (header.toString("latin1", 0, 3) !== "ID3") throw new Error(`${file} has no ID3v2 tag`);
  return 10 + (((header[6] ?? 0) << 21) | ((header[7] ?? 0) << 14) | ((header[8] ?? 0) << 7) | (header[9] ?? 0));
}

/** A real one-entry (stored) zip archive, built by hand to avoid a dependency. */
function zipWithOneFile(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const checksum = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(checksum, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(checksum, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + content.length, 16);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, end]);
}

/** The DOS stub and PE signature every Windows executable starts with. */
function windowsExecutableHeader(): Buffer {
  const header = Buffer.alloc(1024);
  header.write("MZ", 0, "latin1");
  header.writeUInt32LE(0x80, 0x3c);
  header.write("This program cannot be run in DOS mode.", 0x4e, "latin1");
  header.write("PE\0\0", 0x80, "latin1");
  return header;
}
