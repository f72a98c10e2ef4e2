import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export const TEST_BUCKET = "yozuv-test";

export type TestS3Server = {
  /** The variables that point the app's S3 driver at this server. */
  env: { STORAGE_DRIVER: "s3"; S3_BUCKET: string; S3_REGION: string; S3_ENDPOINT: string; S3_ACCESS_KEY_ID: string; S3_SECRET_ACCESS_KEY: string; S3_FORCE_PATH_STYLE: "true" };
  close(): Promise<void>;
};

// The CORS rule the README asks operators to set, so browser-style POSTs behave as they would in production.
const corsRule = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule></CORSConfiguration>`;

/**
 * s3rver (an implementation of the S3 REST API kept on npm) on a random loopback port, storing in a
 * temp folder of its own, with one bucket. s3rver accepts its well-known development key pair.
 */
export async function startTestS3Server(bucket = TEST_BUCKET): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), "yozuv-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [corsRule] }] });
  const address = await server.run();
  return {
    env: {
      STORAGE_DRIVER: "s3",
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** An SDK client for the test server, to look into a bucket the way the app cannot. */
export function testS3Client(env: TestS3Server["env"]): S3Client {
  return new S3Client({ region: env.S3_REGION, endpoint: env.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } });
}

export async function createBucket(env: TestS3Server["env"], bucket: string): Promise<void> {
  const client = testS3Client(env);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
}
