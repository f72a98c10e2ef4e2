import "server-only";
import { open } from "node:fs/promises";

/** Random-access reads for the header checks, buffered so walking many small elements stays cheap. */
export type BinaryFile = {
  readonly size: number;
  /** Up to `length` bytes from `position`: fewer at the end of the file, none past it. */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
};

const windowBytes = 64 * 1024;

export async function openBinaryFile(filePath: string): Promise<BinaryFile> {
  const handle = await open(filePath, "r");
  const { size } = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  let window = { start: 0, bytes: Buffer.alloc(0) };

  return {
    size,
    async read(position, length) {
      const end = Math.min(position + length, size);
      if (position < 0 || position >= end) return Buffer.alloc(0);
      if (position < window.start || end > window.start + window.bytes.length) {
        const bytes = Buffer.alloc(Math.min(Math.max(end - position, windowBytes), size - position));
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, position);
        window = { start: position, bytes: bytes.subarray(0, bytesRead) };
      }
      return window.bytes.subarray(position - window.start, Math.min(end, window.start + window.bytes.length) - window.start);
    },
    close: () => handle.close(),
  };
}
