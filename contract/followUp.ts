// The follow-up message after a lesson as the API takes and answers it, shared with the web client.
import { z } from 'zod';
import { FollowUpStudent } from '../domain/followUp/followUp.js';

export const FollowUpInput = z.object({
  keyPoints: z.string().trim().min(1).max(4000).describe('the key points covered in the lesson'),
  resources: z
    .array(z.string().trim().min(1).max(500))
    .max(20)
    .default([])
    .describe('links and materials shared, one per item'),
  preparation: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .describe('how to prepare for the next session'),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUpView = z.object({
  liveSessionId: z.string(),
  revision: z.number().int().describe('0 when first sent, one more each time it is sent again'),
  keyPoints: z.string(),
  resources: z.array(z.string()),
  preparation: z.string().nullable(),
  students: z
    .array(FollowUpStudent)
    .describe(
      "each student's homework of the lesson and next session when it was sent (a student: their own)",
    ),
  sentBy: z.string(),
  sentAt: z.string(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;
