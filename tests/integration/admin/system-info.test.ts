import { describe, expect, it } from "vitest";
import { readSystemInfo } from "@/lib/admin/system/read-system-info";
import { storesOnDisk } from "../../support/stored-files";

describe("the System page's facts", () => {
  it("name the storage driver and where files live, with free space only for the disk, and no secret", async () => {
    const info = await readSystemInfo();
    if (storesOnDisk()) {
      expect(info.storage).toMatchObject({ driver: "disk", location: expect.stringContaining("yozuv-uploads-") });
    } else {
      expect(info.storage).toEqual({ driver: "s3", location: `${process.env.S3_ENDPOINT} bucket ${process.env.S3_BUCKET}`, freeBytes: null });
      expect(JSON.stringify(info)).not.toContain(process.env.S3_SECRET_ACCESS_KEY);
    }
  });
});
