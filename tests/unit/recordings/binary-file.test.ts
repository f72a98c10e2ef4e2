import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openBinaryFile } from "@/lib/recordings/audio/binary-file";

describe("openBinaryFile", () => {
  it("reads any range, across its buffer window, clipped to the file", async () => {
    const bytes = Buffer.alloc(200_000);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = index % 251;
    const dir = mkdtempSync(path.join(tmpdir(), "yozuv-binary-"));
    const filePath = path.join(dir, "data.bin");
    writeFileSync(filePath, bytes);
    const file = await openBinaryFile(filePath);
    try {
      expect(file.size).toBe(200_000);
      expect(await file.read(0, 4)).toEqual(bytes.subarray(0, 4));
      expect(await file.read(65_530, 12)).toEqual(bytes.subarray(65_530, 65_542));
      expect(await file.read(10, 100_000)).toEqual(bytes.subarray(10, 100_010));
      expect(await file.read(5, 3)).toEqual(bytes.subarray(5, 8));
      expect(await file.read(199_990, 100)).toEqual(bytes.subarray(199_990));
      expect((await file.read(200_000, 10)).length).toBe(0);
      expect((await file.read(-1, 10)).length).toBe(0);
    } finally {
      await file.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
