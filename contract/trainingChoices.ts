// What a trainer or admin chooses from while managing a training section: the participant groups they may give
// its sections, a section's groups by name (locked ones stay), and the learners they may add by hand. Shared by
// api/routes/trainingChoices.ts and the web client.
import { z } from 'zod';

export const ParticipantGroupChoices = z.object({
  groups: z.array(z.object({ id: z.string(), name: z.string(), memberCount: z.number() })),
});

export const SectionGroups = z.object({
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** In the section when its first learners registered: it cannot be removed. */
      locked: z.boolean(),
    }),
  ),
});

export const LearnerCandidates = z.object({
  learners: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** The section of this training the learner is in already (any status), or null. */
      sectionId: z.string().nullable(),
      status: z.string().nullable(),
    }),
  ),
});

export type ParticipantGroupChoice = z.infer<typeof ParticipantGroupChoices>['groups'][number];
export type SectionGroup = z.infer<typeof SectionGroups>['groups'][number];
export type LearnerCandidate = z.infer<typeof LearnerCandidates>['learners'][number];
export type ParticipantGroupChoiceList = z.infer<typeof ParticipantGroupChoices>;
export type SectionGroupList = z.infer<typeof SectionGroups>;
export type LearnerCandidateList = z.infer<typeof LearnerCandidates>;
