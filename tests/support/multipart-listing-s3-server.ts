import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type OpenMultipartUpload = { key: string; uploadId: string; initiated: Date };

export type MultipartListingS3Server = {
  endpoint: string;
  /** What the store still holds open (aborted ones are gone). */
  open: OpenMultipartUpload[];
  /** The ListMultipartUploads requests' markers, one entry per page asked for. */
  pagesAsked: { keyMarker: string | null; uploadIdMarker: string | null }[];
  close(): Promise<void>;
};

const xmlns = "http://s3.amazonaws.com/doc/2006-03-01/";
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The part of the S3 REST API that s3rver does not implement and the sweeper needs, on loopback:
 * ListMultipartUploads (in pages of `pageSize`, with S3's key and upload-id markers),
 * AbortMultipartUpload, and an empty ListObjectsV2 for the staging prefix. Path-style addressing.
 */
export async function startMultipartListingS3Server(bucket: string, open: OpenMultipartUpload[], pageSize: number): Promise<MultipartListingS3Server> {
  const state: Pick<MultipartListingS3Server, "open" | "pagesAsked"> = { open: [...open].sort((a, b) => a.key.localeCompare(b.key) || a.uploadId.localeCompare(b.uploadId)), pagesAsked: [] };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://s3.local");
    const [, pathBucket, ...keyParts] = url.pathname.split("/");
    const key = decodeURIComponent(keyParts.join("/"));
    const xml = (body: string) => response.writeHead(200, { "content-type": "application/xml" }).end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
    if (pathBucket !== bucket) return response.writeHead(404).end();
    if (request.method === "GET" && !key && url.searchParams.has("uploads")) {
      const keyMarker = url.searchParams.get("key-marker");
      const uploadIdMarker = url.searchParams.get("upload-id-marker");
      state.pagesAsked.push({ keyMarker, uploadIdMarker });
      const after = state.open.filter((upload) => !keyMarker || upload.key > keyMarker || (upload.key === keyMarker && upload.uploadId > (uploadIdMarker ?? "")));
      const page = after.slice(0, pageSize);
      const truncated = after.length > pageSize;
      const last = page.at(-1);
      return xml(
        `<ListMultipartUploadsResult xmlns="${xmlns}"><Bucket>${bucket}</Bucket><MaxUploads>${pageSize}</MaxUploads><IsTruncated>${truncated}</IsTruncated>` +
          (truncated && last ? `<NextKeyMarker>${escape(last.key)}</NextKeyMarker><NextUploadIdMarker>${escape(last.uploadId)}</NextUploadIdMarker>` : "") +
          page.map((upload) => `<Upload><Key>${escape(upload.key)}</Key><UploadId>${escape(upload.uploadId)}</UploadId><Initiated>${upload.initiated.toISOString()}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`).join("") +
          `</ListMultipartUploadsResult>`,
      );
    }
    if (request.method === "GET" && !key && url.searchParams.get("list-type") === "2") {
      return xml(`<ListBucketResult xmlns="${xmlns}"><Name>${bucket}</Name><Prefix>${escape(url.searchParams.get("prefix") ?? "")}</Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>`);
    }
    if (request.method === "DELETE" && key && url.searchParams.has("uploadId")) {
      const uploadId = url.searchParams.get("uploadId");
      const index = state.open.findIndex((upload) => upload.key === key && upload.uploadId === uploadId);
      if (index === -1) return xml(`<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`);
      state.open.splice(index, 1);
      return response.writeHead(204).end();
    }
    response.writeHead(501, { "content-type": "application/xml" }).end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NotImplemented</Code><Message>Not in this test server</Message></Error>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get open() {
      return state.open;
    },
    get pagesAsked() {
      return state.pagesAsked;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
