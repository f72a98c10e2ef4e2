// A stand-in for whisper-worker.mjs speaking the same protocol. whisper.cpp's test model emits no
// segments, so this one answers what a real model does with maxLen = 1 and splitOnWord: one segment
// per word, each with whisper's leading space, in 10 ms steps. Without `words` it answers one segment.
import { parentPort } from "node:worker_threads";

const WORDS = [" Salom,", " dunyo.", " Bu", " sinov."];

parentPort.postMessage({ type: "ready", multilingual: true });
parentPort.on("message", (message) => {
  if (message.type === "detect") return parentPort.postMessage({ type: "result", id: message.id, language: "uz" });
  const windowMs = Math.round((message.samples.length / 16_000) * 1000);
  const step = Math.floor(windowMs / WORDS.length / 10) * 10;
  const segments = message.words
    ? WORDS.map((text, index) => ({ startMs: index * step, endMs: (index + 1) * step - 10, text }))
    : [{ startMs: 0, endMs: windowMs, text: WORDS.join("") }];
  parentPort.postMessage({ type: "result", id: message.id, segments, language: message.language === "auto" ? "uz" : message.language });
});
