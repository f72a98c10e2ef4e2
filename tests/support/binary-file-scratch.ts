import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { openBinaryFile, type BinaryFile } from "@/lib/recordings/audio/binary-file";
import { getAudioFixtures, type AudioFixtures } from "./audio-fixtures";

/**
 * For tests of the audio header readers: the generated fixtures, a scratch folder removed after the
 * file, and `openFile`, whose handles are closed after each test.
 */
export function setUpBinaryFileScratch(prefix: string) {
  const state = { fixtures: {} as AudioFixtures, scratch: "" };
  let opened: BinaryFile[] = [];

  beforeAll(async () => {
    state.fixtures = await getAudioFixtures();
    state.scratch = mkdtempSync(path.join(tmpdir(), prefix));
  }, 120_000);
  afterEach(async () => {
    await Promise.all(opened.map((file) => file.close()));
    opened = [];
  });
  afterAll(() => rmSync(state.scratch, { recursive: true, force: true }));

  async function openFile(filePath: string): Promise<BinaryFile> {
    const file = await openBinaryFile(filePath);
    opened.push(file);
    return file;
  }

  return { state, openFile };
}
