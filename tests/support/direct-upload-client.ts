/**
 * What the browser does with a direct upload's answer: POST every presigned field, then the file,
 * as multipart/form-data to the bucket. The web server sees none of these bytes.
 */
export async function sendToBucket(target: { url: string; fields: Record<string, string> }, file: Blob, filename = "clip.mp3"): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
  form.append("file", file, filename);
  return fetch(target.url, { method: "POST", body: form });
}
