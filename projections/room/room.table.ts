// The live rooms' read model tables (migration 0401), added to Database.

export interface RoomChatMessagesTable {
  message_id: string;
  room_id: string;
  org_id: string;
  person_id: string;
  text: string;
  at: Date | string;
  /** The message's revision in the room's stream: the order the room recorded (migration 0960). */
  seq: number | string | null;
  removed_by: string | null;
  removed_at: Date | string | null;
}

export interface RoomPollsTable {
  poll_id: string;
  room_id: string;
  org_id: string;
  question: string;
  options: string[];
  /** Who asked (null on rows written before migration 0820, until a rebuild). */
  opened_by: string | null;
  anonymous: boolean;
  status: 'open' | 'closed';
  opened_at: Date | string;
  closed_at: Date | string | null;
}

export interface RoomPollAnswersTable {
  poll_id: string;
  person_id: string;
  room_id: string;
  option: number;
  answered_at: Date | string;
}

export interface RoomPermissionsTable {
  room_id: string;
  person_id: string;
  org_id: string;
  can_edit: boolean;
  changed_at: Date | string;
}
