import { S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { bucketOrigin } from "@/lib/storage/bucket-origin";

// The pages' CSP must allow exactly the origin the SDK's presigned POST sends the browser to.
async function presignedOrigin(config: { region: string; endpoint?: string; forcePathStyle: boolean }): Promise<string> {
  const client = new S3Client({ ...config, credentials: { accessKeyId: "k", secretAccessKey: "s" } });
  const { url } = await createPresignedPost(client, { Bucket: "yozuv-audio", Key: "staging/x" });
  return new URL(url).origin;
}

describe("the bucket's origin for direct uploads", () => {
  it.each([
    [{ region: "eu-central-1", forcePathStyle: false }, { S3_REGION: "eu-central-1" }],
    [{ region: "us-east-1", endpoint: "http://127.0.0.1:9000", forcePathStyle: true }, { S3_REGION: "us-east-1", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" }],
    [{ region: "auto", endpoint: "https://acc.r2.cloudflarestorage.com", forcePathStyle: false }, { S3_REGION: "auto", S3_ENDPOINT: "https://acc.r2.cloudflarestorage.com" }],
  ])("is where the SDK's presigned POST goes (%j)", async (sdk, variables) => {
    const origin = bucketOrigin({ STORAGE_DRIVER: "s3", S3_BUCKET: "yozuv-audio", ...variables });
    expect(origin).toBe(await presignedOrigin(sdk));
    expect(contentSecurityPolicy(false, origin)).toContain(`connect-src 'self' ${origin};`);
  });

  it("is nothing on the local disk, where the pages connect only to this server", () => {
    expect(bucketOrigin({ STORAGE_DRIVER: "disk", S3_BUCKET: "yozuv-audio" })).toBeNull();
    expect(contentSecurityPolicy(false, null)).toContain("connect-src 'self';");
  });
});
