import "server-only";

/** 16 kHz mono samples of one recording, read a window at a time. */
export interface PcmSource {
  readonly length: number;
  /** Samples [start, end) in a new array that owns its buffer (so it can be transferred to a worker). */
  read(start: number, end: number): Promise<Float32Array>;
  close(): Promise<void>;
}

export function memoryPcmSource(samples: Float32Array): PcmSource {
  return {
    length: samples.length,
    read: async (start, end) => samples.slice(Math.max(0, start), Math.min(samples.length, end)),
    close: async () => {},
  };
}
