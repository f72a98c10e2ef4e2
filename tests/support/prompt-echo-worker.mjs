// A stand-in for whisper-worker.mjs that says what it is told: it answers every window with the prompt
// it was given as text, as two segments, at the start and at the end of the audio it received. So a
// test chooses what "whisper heard", and sees both whether a window was decoded and where its times land.
import { parentPort } from "node:worker_threads";

parentPort.postMessage({ type: "ready", multilingual: true });
parentPort.on("message", (message) => {
  const receivedMs = Math.floor((message.samples.length / 16_000) * 100) * 10;
  const [first, second = first] = (message.prompt ?? "").split("|");
  const segments = [
    { startMs: 0, endMs: 1000, text: ` ${first}` },
    { startMs: receivedMs - 1000, endMs: receivedMs, text: ` ${second}` },
  ];
  parentPort.postMessage({ type: "result", id: message.id, segments, language: "en" });
});
