"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { saveUnsureThreshold, unsureThreshold } from "@/lib/users/save-unsure-threshold";

// A setting of the signed-in user only: nobody else's can be named.
export const saveUnsureThresholdAction = defineAction(z.object({ threshold: unsureThreshold }), async ({ threshold }, caller) => {
  await saveUnsureThreshold(caller.id, threshold);
  return { threshold };
});
