// The OpenAI stand-in as a process of its own, for the browser tests' server (scripts/e2e-server.sh).
// Usage: tsx tests/support/fake-openai-cli.ts <port> <transcript.txt> [delayMs]
// It answers every transcription with the given reference text spread over the audio's duration,
// after a delay, so a test can watch the status change from queued to done.
import { readFileSync } from "node:fs";
import { parseBuffer } from "music-metadata";
import { startFakeOpenAIServer } from "./fake-openai-server";

const [port = "3199", transcriptFile = "", delay = "1500"] = process.argv.slice(2);
const words = readFileSync(transcriptFile, "utf8").trim().split(/\s+/);
const WORDS_PER_SEGMENT = 6;

async function main() {
  const server = await startFakeOpenAIServer({ port: Number(port) });
  server.respondWith(async ({ bytes, request }) => {
    await new Promise((resolve) => setTimeout(resolve, Number(delay)));
    const { format } = await parseBuffer(bytes, { path: request.fileName ?? "audio" }, { duration: true });
    const duration = format.duration ?? 1;
    const groups = [];
    for (let start = 0; start < words.length; start += WORDS_PER_SEGMENT) groups.push(words.slice(start, start + WORDS_PER_SEGMENT).join(" "));
    // The second segment is one the model was unsure of (e^-1.5 ≈ 0.22), as whisper-1 scores segments.
    const segments = groups.map((text, id) => ({
      id,
      start: (duration * id) / groups.length,
      end: (duration * (id + 1)) / groups.length,
      text: ` ${text}`,
      avg_logprob: id === 1 ? -1.5 : -0.1,
      no_speech_prob: 0.01,
    }));
    // Word timings, evenly spread over each segment, as whisper-1 returns them with timestamp_granularities.
    const timedWords = segments.flatMap((segment) => {
      const inSegment = segment.text.trim().split(/\s+/);
      const step = (segment.end - segment.start) / inSegment.length;
      return inSegment.map((word, k) => ({ word, start: segment.start + k * step, end: segment.start + (k + 1) * step }));
    });
    return { task: "transcribe", language: "english", duration, text: segments.map((segment) => segment.text).join(""), segments, words: timedWords };
  });
  console.log(`fake OpenAI listening on ${server.baseURL}`);
}

void main();
