// Shapes of the trainings API (mirrors of api/routes/trainingSchemas.ts).
export type TrainingEvent = {
  id: string;
  start: string;
  end: string;
  timeZone: string;
  format: string;
  trainerId: string;
  location: string | null;
  link: string | null;
  notes: string | null;
  status: string;
  cancelReason: string | null;
};
export type Section = {
  id: string;
  name: string;
  participantGroupIds: string[];
  registrationOpens: string;
  registrationCloses: string;
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  waitlisted: number;
  trainerIds: string[];
  attendanceConfirmationRequired: boolean;
  approvalRequired: boolean;
  waitlistEnabled: boolean;
  waitlistCutoffMinutes: number;
  events: TrainingEvent[];
};
export type Progress = { learnerId: string; attended: number; total: number; completed: boolean };
export type Training = {
  id: string;
  name: string;
  description: string;
  imageUrl: string | null;
  published: boolean;
  revision: number;
  sections: Section[];
  me: {
    sectionId: string;
    status: string;
    waitlistPosition: number | null;
    progress: Progress | null;
  } | null;
};
export type RosterEntry = {
  learnerId: string;
  name: string | null;
  status: string;
  via: string;
  waitlistPosition: number | null;
  attended: number;
  total: number;
  completed: boolean;
};
