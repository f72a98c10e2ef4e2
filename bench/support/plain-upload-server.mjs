// The baseline the upload benchmark compares Yozuv with: the least a Node server can do with an
// upload, a request piped into a file. Plain JavaScript run by plain `node` (no tsx, no framework) in
// its own process, so its memory is measured the same way as the Next server's.
// Usage: node plain-upload-server.mjs <directory>; prints {"port": n} once listening on 127.0.0.1.
import { createWriteStream } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";

const directory = process.argv[2];
if (!directory) throw new Error("usage: plain-upload-server.mjs <directory>");
let count = 0;

const server = http.createServer(async (request, response) => {
  count += 1;
  const target = createWriteStream(path.join(directory, `upload-${count}.bin`));
  try {
    await pipeline(request, target);
    response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ file_size: target.bytesWritten }));
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});

server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on("SIGTERM", () => process.exit(0));
