"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { restoreRevision } from "@/lib/transcripts/restore-revision";

// Ownership and version are checked inside restoreRevision.
export const restoreRevisionAction = defineAction(
  z.object({ id: z.string(), revisionId: z.uuid(), version: z.number().int().min(0) }),
  async ({ id, revisionId, version }, caller) => {
    const restored = await restoreRevision(id, caller, { revisionId, expectedVersion: version });
    revalidatePath(`/recordings/${id}`);
    return restored;
  },
);
