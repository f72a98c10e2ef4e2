"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { replaceSpeakersRequest } from "@/lib/transcripts/api/speakers-schemas";
import { replaceSpeakers } from "@/lib/transcripts/speakers/replace-speakers";

// The whole list, as PUT /speakers takes it: renames, additions and removals are one revision.
export const saveSpeakersAction = defineAction(replaceSpeakersRequest.extend({ id: z.string() }), async ({ id, speakers, version }, caller) =>
  replaceSpeakers(id, caller, { speakers, expectedVersion: version }),
);
