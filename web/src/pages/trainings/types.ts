// Shapes of the trainings API: the zod schemas in contract/trainings.ts are the source of truth (types only here).
export type { Progress, RosterEntry, Section, Training, TrainingEvent } from '../../../../contract/trainings';
