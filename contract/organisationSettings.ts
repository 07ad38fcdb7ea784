// The organisation's settings as the API answers them and takes them (admins change them, staff read them).
import { z } from 'zod';

export const OrganisationSettings = z.object({
  allowOverdraft: z
    .boolean()
    .describe('whether completions, lesson analyses and summaries may take a balance below zero'),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;
