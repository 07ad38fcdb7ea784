// The Kysely database type: every table of the read models and of the mutable stores, listed in one place.
// Each table's row type lives beside the code that owns it (`*.table.ts`); migrations create the tables.
import type { Kysely, Transaction } from 'kysely';
import type { InvitationsTable, SignInThrottleTable } from '../auth/access.table.js';
import type {
  CoursesTable,
  CourseLessonsTable,
  EnrollmentsTable,
} from '../projections/catalog/catalog.table.js';
import type {
  RoomChatMessagesTable,
  RoomPollsTable,
  RoomPollAnswersTable,
  RoomPermissionsTable,
} from '../projections/room/room.table.js';
import type {
  AttendanceCompletionsTable,
  AttendanceRecordsTable,
  AttendanceFeedbackTable,
} from '../projections/attendance/attendance.table.js';
import type {
  ScheduleRulesTable,
  ScheduleRuleOccurrencesTable,
} from '../projections/lessons/scheduleRules.table.js';
import type {
  GroupScheduleOccurrencesTable,
  GroupScheduleRulesTable,
} from '../projections/groupSchedule/groupSchedule.table.js';
import type { AuditAnonymousPollsTable, AuditEventsTable } from '../projections/audit/audit.table.js';
import type { BillingWalletsTable, BillingLedgerTable } from '../projections/billing/billing.table.js';
import type {
  TrainerGroupAccessTable,
  TrainingsTable,
  TrainingSectionsTable,
  TrainingSectionGroupsTable,
  TrainingEventsTable,
  TrainingRegistrationsTable,
  TrainingAttendanceTable,
  TrainingCompletionsTable,
} from '../projections/trainings/trainings.table.js';
import type {
  ScheduleSessionsTable,
  ScheduleParticipantsTable,
} from '../projections/schedule/schedule.table.js';
import type { HomeworkTable } from '../projections/homework/homework.table.js';
import type {
  MailOutboxTable,
  MailDeliveriesTable,
  CalendarEntriesTable,
  CalendarAttendeesTable,
  CalendarGroupsTable,
  CalendarFeedTokensTable,
} from '../projections/outbox/outbox.table.js';
import type {
  ReportSessionsTable,
  ReportAttendanceTable,
  ReportScoresTable,
  ReportWalletsTable,
  ReportLedgerTable,
  ReportTrainingsTable,
  ReportTrainingSectionsTable,
  ReportTrainingRegistrationsTable,
  ReportTrainingEventsTable,
  ReportTrainingAttendanceTable,
} from '../projections/reports/reports.table.js';
import type { RoomDocUpdatesTable, RoomDocSnapshotsTable } from '../realtime/docs.table.js';
import type {
  LessonAnswersTable,
  LessonAnswerAttemptsTable,
} from '../projections/lessonAnswers/lessonAnswers.table.js';
import type { LessonAnalysesTable } from '../projections/lessonAnalyses/lessonAnalyses.table.js';
import type {
  SessionSummariesTable,
  SessionStudentSummariesTable,
  SessionSummaryRefusalsTable,
} from '../projections/sessionSummaries/sessionSummaries.table.js';
import type { FollowUpsTable } from '../projections/followUps/followUps.table.js';
import type {
  SummarySwitchesTable,
  PersonPreferencesTable,
} from '../commands/sessionSummarySettings.table.js';
import type {
  OrganisationsTable,
  PeopleTable,
  AuthSessionsTable,
  StudentGroupsTable,
  StudentGroupMembersTable,
} from './people.table.js';
import type { PersonalDataKeysTable } from '../commands/eventStore/personalData/personalDataKeys.table.js';

export interface Database {
  // auth/access.table.ts
  invitations: InvitationsTable;
  sign_in_throttle: SignInThrottleTable;
  // projections/catalog/catalog.table.ts
  courses: CoursesTable;
  course_lessons: CourseLessonsTable;
  enrollments: EnrollmentsTable;
  // projections/room/room.table.ts
  room_chat_messages: RoomChatMessagesTable;
  room_polls: RoomPollsTable;
  room_poll_answers: RoomPollAnswersTable;
  room_permissions: RoomPermissionsTable;
  // projections/attendance/attendance.table.ts
  attendance_completions: AttendanceCompletionsTable;
  attendance_records: AttendanceRecordsTable;
  attendance_feedback: AttendanceFeedbackTable;
  // projections/lessons/scheduleRules.table.ts
  schedule_rules: ScheduleRulesTable;
  schedule_rule_occurrences: ScheduleRuleOccurrencesTable;
  // projections/groupSchedule/groupSchedule.table.ts
  group_schedule_rules: GroupScheduleRulesTable;
  group_schedule_occurrences: GroupScheduleOccurrencesTable;
  // projections/audit/audit.table.ts
  audit_events: AuditEventsTable;
  audit_anonymous_polls: AuditAnonymousPollsTable;
  // projections/billing/billing.table.ts
  billing_wallets: BillingWalletsTable;
  billing_ledger: BillingLedgerTable;
  // projections/trainings/trainings.table.ts
  trainer_group_access: TrainerGroupAccessTable;
  trainings: TrainingsTable;
  training_sections: TrainingSectionsTable;
  training_section_groups: TrainingSectionGroupsTable;
  training_events: TrainingEventsTable;
  training_registrations: TrainingRegistrationsTable;
  training_attendance: TrainingAttendanceTable;
  training_completions: TrainingCompletionsTable;
  // projections/schedule/schedule.table.ts
  schedule_sessions: ScheduleSessionsTable;
  schedule_participants: ScheduleParticipantsTable;
  // projections/homework/homework.table.ts
  homework: HomeworkTable;
  // projections/outbox/outbox.table.ts
  mail_outbox: MailOutboxTable;
  mail_deliveries: MailDeliveriesTable;
  calendar_entries: CalendarEntriesTable;
  calendar_attendees: CalendarAttendeesTable;
  calendar_groups: CalendarGroupsTable;
  calendar_feed_tokens: CalendarFeedTokensTable;
  // projections/reports/reports.table.ts
  report_sessions: ReportSessionsTable;
  report_attendance: ReportAttendanceTable;
  report_scores: ReportScoresTable;
  report_wallets: ReportWalletsTable;
  report_ledger: ReportLedgerTable;
  report_trainings: ReportTrainingsTable;
  report_training_sections: ReportTrainingSectionsTable;
  report_training_registrations: ReportTrainingRegistrationsTable;
  report_training_events: ReportTrainingEventsTable;
  report_training_attendance: ReportTrainingAttendanceTable;
  // realtime/docs.table.ts
  room_doc_updates: RoomDocUpdatesTable;
  room_doc_snapshots: RoomDocSnapshotsTable;
  // projections/lessonAnswers/lessonAnswers.table.ts
  lesson_answers: LessonAnswersTable;
  lesson_answer_attempts: LessonAnswerAttemptsTable;
  // projections/lessonAnalyses/lessonAnalyses.table.ts
  lesson_analyses: LessonAnalysesTable;
  // projections/sessionSummaries/sessionSummaries.table.ts
  session_summaries: SessionSummariesTable;
  // projections/followUps/followUps.table.ts
  follow_ups: FollowUpsTable;
  session_student_summaries: SessionStudentSummariesTable;
  session_summary_refusals: SessionSummaryRefusalsTable;
  // commands/sessionSummarySettings.table.ts
  summary_switches: SummarySwitchesTable;
  person_preferences: PersonPreferencesTable;
  // commands/eventStore/personalData/personalDataKeys.table.ts
  personal_data_keys: PersonalDataKeysTable;
  // db/people.table.ts
  organisations: OrganisationsTable;
  people: PeopleTable;
  auth_sessions: AuthSessionsTable;
  student_groups: StudentGroupsTable;
  student_group_members: StudentGroupMembersTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Query functions take either the pool or a transaction first. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;
