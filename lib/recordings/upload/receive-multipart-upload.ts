import "server-only";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { serverShuttingDownError } from "@/lib/shutdown/server-shutting-down-error";
import type { StagedFile } from "@/lib/storage/file-storage";
import { uploadError } from "./upload-error";

/** An upload as it arrives: its headers, and its body as a Node stream (null when it has none). */
export type IncomingUpload = { headers: Headers; body: Readable | null };

export type ReceivedUpload = {
  filename: string;
  fields: Record<string, string>;
  size: number;
  /** performance.now() when the file's last byte had been read from the request (writing and fsync follow). */
  lastByteAt: number;
};

const MAX_FIELDS = 5;
const MAX_FIELD_BYTES = 1024;
// How much busboy and the file part hold before pausing the request (their default is 16 KB).
const READ_AHEAD_BYTES = 1024 * 1024;

/**
 * Streams a multipart body into `staged` as it arrives, so memory stays flat whatever the size.
 * Exactly one part named `file` and a few small fields are accepted; anything else stops the upload
 * at once (the rest of the body is read and dropped), and so does `signal` (the server is stopping
 * and its grace period is over).
 */
export function receiveMultipartUpload(upload: IncomingUpload, staged: StagedFile, maxFileBytes: number, signal?: AbortSignal): Promise<ReceivedUpload> {
  const contentType = upload.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType) || !upload.body) return Promise.reject(uploadError("unsupported_media_type", "multipart_required"));
  const source = upload.body;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers and apps send UTF-8 file names; busboy would otherwise read them as Latin-1.
      defParamCharset: "utf8",
      limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, // busboy reports "limit" on reaching fileSize; one byte more makes maxFileBytes itself allowed.
      fileSize: maxFileBytes + 1, parts: MAX_FIELDS + 1, headerPairs: 20 },
      highWaterMark: READ_AHEAD_BYTES,
      fileHwm: READ_AHEAD_BYTES,
    });
  } catch {
    return Promise.reject(uploadError("bad_request", "multipart_malformed"));
  }

  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let settled = false;
    let filename = "";
    let fileStream: Readable | null = null;
    let written: Promise<number> | null = null;
    let lastByteAt = 0;

    function fail(error: unknown) {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      fileStream?.destroy();
      drain(source);
      reject(error);
    }

    parser.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        return fail(uploadError("bad_request", "unexpected_file_field"));
      }
      fileStream = stream;
      filename = decodeFormDataFilename(info.filename ?? "");
      stream.on("end", () => (lastByteAt = performance.now()));
      stream.on("limit", () => fail(uploadError("payload_too_large", "file_too_large", { maxMb: Math.round(maxFileBytes / 2 ** 20) })));
      written = staged.write(stream);
      written.catch(fail);
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return fail(uploadError("bad_request", "field_too_long"));
      fields[name] = value;
    });
    parser.on("filesLimit", () => fail(uploadError("bad_request", "too_many_files")));
    parser.on("fieldsLimit", () => fail(uploadError("bad_request", "too_many_fields")));
    parser.on("partsLimit", () => fail(uploadError("bad_request", "too_many_fields")));
    parser.on("error", () => fail(uploadError("bad_request", "multipart_malformed")));
    source.on("error", () => fail(uploadError("bad_request", "upload_aborted")));
    signal?.addEventListener("abort", () => fail(serverShuttingDownError()), { once: true });
    parser.on("close", () => {
      if (settled) return;
      if (!written) return fail(uploadError("validation", "file_missing"));
      written.then((size) => {
        if (settled) return;
        settled = true;
        resolve({ filename, fields, size, lastByteAt });
      }, fail);
    });
    source.pipe(parser);
  });
}

/**
 * Reads what is left of a refused body and drops it, so a client still sending gets to read the
 * answer rather than a reset. The connection bounds it: a refusal is answered with `Connection:
 * close`, and the server closes the connection once it is answered (after a lingering close of a few
 * seconds where the server's hooks are installed). Cutting the body off here after 1 MiB instead
 * reset the connection before the answer had gone out when the client sent fast.
 */
function drain(source: Readable): void {
  source.on("data", () => {});
  source.resume();
}

/** Browsers escape `"`, CR and LF in multipart file names (HTML's form-data encoding); undo just that. */
function decodeFormDataFilename(filename: string): string {
  return filename.replace(/%(0D|0A|22)/gi, (escape) => decodeURIComponent(escape));
}
