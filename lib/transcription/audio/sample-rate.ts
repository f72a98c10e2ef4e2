/** Whisper's input rate: every decoder here produces 16 kHz mono Float32 in [-1, 1]. */
export const SAMPLE_RATE = 16_000;
