// Every migration, by name. Number ranges by feature: 00xx core and scheduling, 01xx people and access,
// 02xx live-session follow-up and billing, 03xx trainings and mail, 04xx realtime, 05xx reports.
import type { Migration } from 'kysely';
import * as m0001 from './0001_events.js';
import * as m0002 from './0002_people.js';
import * as m0003 from './0003_schedule.js';
import * as m0100 from './0100_access.js';
import * as m0101 from './0101_audit.js';
import * as m0200 from './0200_billing.js';
import * as m0201 from './0201_attendance.js';
import * as m0250 from './0250_homework_and_schedule_rules.js';
import * as m0300 from './0300_trainings.js';
import * as m0350 from './0350_mail.js';
import * as m0351 from './0351_calendar_notified.js';
import * as m0400 from './0400_room_documents.js';
import * as m0500 from './0500_reports.js';
import * as m0401 from './0401_room_read_models.js';
import * as m0600 from './0600_lesson_answers.js';
import * as m0800 from './0800_audit_anonymous_polls.js';
import * as m0700 from './0700_lesson_analyses.js';
import * as m0710 from './0710_session_summaries.js';
import * as m0820 from './0820_personal_data_keys.js';
import * as m0830 from './0830_cancellation_authors.js';
import * as m0880 from './0880_process_leases.js';
import * as m0960 from './0960_room_chat_sequence.js';
import * as m0970 from './0970_summary_revisions.js';
import * as m0980 from './0980_languages.js';
import * as m0990 from './0990_follow_ups.js';
import * as m1010 from './1010_group_schedule_rules.js';
import * as m1020 from './1020_reason_codes.js';

export const migrations: Record<string, Migration> = {
  '0001_events': m0001,
  '0002_people': m0002,
  '0003_schedule': m0003,
  '0100_access': m0100,
  '0101_audit': m0101,
  '0200_billing': m0200,
  '0201_attendance': m0201,
  '0250_homework_and_schedule_rules': m0250,
  '0300_trainings': m0300,
  '0350_mail': m0350,
  '0351_calendar_notified': m0351,
  '0400_room_documents': m0400,
  '0500_reports': m0500,
  '0401_room_read_models': m0401,
  '0600_lesson_answers': m0600,
  '0800_audit_anonymous_polls': m0800,
  '0700_lesson_analyses': m0700,
  '0710_session_summaries': m0710,
  '0820_personal_data_keys': m0820,
  '0830_cancellation_authors': m0830,
  '0880_process_leases': m0880,
  '0960_room_chat_sequence': m0960,
  '0970_summary_revisions': m0970,
  '0980_languages': m0980,
  '0990_follow_ups': m0990,
  '1010_group_schedule_rules': m1010,
  '1020_reason_codes': m1020,
};
