// Speaking time in a live room as the API returns it, shared by the route and the web client.
import { z } from 'zod';

export const SpeakingReport = z.object({
  seconds: z
    .number()
    .min(0)
    .max(15)
    .describe('seconds your microphone heard you speak since your last report (reported at most every 10 s)'),
});
export const SpeakingTime = z.object({
  totalSeconds: z.number().nullable().describe('the host only'),
  hostSeconds: z.number().nullable(),
  participantSeconds: z.number().nullable(),
  participantShare: z
    .number()
    .nullable()
    .describe("the students' part of all speech, 0 to 1 (the host only)"),
  people: z
    .array(
      z.object({
        personId: z.string(),
        name: z.string().nullable(),
        role: z.enum(['host', 'participant']),
        seconds: z.number(),
        share: z.number().nullable(),
      }),
    )
    .describe('the host: everyone, most talkative first; a participant: themselves'),
});
export type SpeakingTime = z.infer<typeof SpeakingTime>;
