/** A multipart/form-data upload request for route handlers, built the way a browser or app sends it. */
export function uploadRequest(authorization: string, parts: { file?: Blob | null; filename?: string; fields?: Record<string, string> }): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts.fields ?? {})) form.append(name, value);
  if (parts.file) form.append("file", parts.file, parts.filename ?? "recording.mp3");
  return new Request("http://localhost/api/v1/audio/upload", { method: "POST", headers: { authorization }, body: form });
}

/** A request whose body is `head` and then breaks off, like a client that disconnects mid-upload. */
export function abortedUploadRequest(authorization: string, head: Uint8Array, boundary: string): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      setTimeout(() => controller.error(new Error("client went away")), 20);
    },
  });
  return new Request("http://localhost/api/v1/audio/upload", {
    method: "POST",
    headers: { authorization, "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
}
