// No "server-only": proxy.ts reads this to name the bucket in the pages' Content-Security-Policy.

// The raw variables (process.env), read before lib/env.ts validates them at start-up.
type BucketConfig = Record<string, string | undefined>;

/**
 * The origin browsers send direct uploads to, as the AWS SDK addresses the bucket: the endpoint itself
 * with path-style addressing, else the bucket's own host name. Null unless recordings live in S3.
 */
export function bucketOrigin(config: BucketConfig): string | null {
  if (config.STORAGE_DRIVER !== "s3" || !config.S3_BUCKET) return null;
  const endpoint = new URL(config.S3_ENDPOINT || `https://s3.${config.S3_REGION ?? "us-east-1"}.amazonaws.com`);
  const pathStyle = config.S3_FORCE_PATH_STYLE === "true" || config.S3_FORCE_PATH_STYLE === "1";
  return pathStyle ? endpoint.origin : `${endpoint.protocol}//${config.S3_BUCKET}.${endpoint.host}`;
}
