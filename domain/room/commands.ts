// What can be asked of a live room. The gateway or the API has already checked that the actor is in the
// room; `actor.roomRole` says whether they host it (teacher, trainer, admin) or take part (student, learner).
export type RoomActor = { personId: string; roomRole: 'host' | 'participant' };

type Base = { roomId: string; now: string; actor: RoomActor };

export type RoomCommand =
  | (Base & { type: 'PostChatMessage'; messageId: string; text: string })
  | (Base & { type: 'RemoveChatMessage'; messageId: string })
  | (Base & { type: 'OpenPoll'; pollId: string; question: string; options: string[]; anonymous: boolean })
  | (Base & { type: 'AnswerPoll'; pollId: string; option: number })
  | (Base & { type: 'ClosePoll'; pollId: string })
  | (Base & { type: 'SetEditPermission'; personId: string; canEdit: boolean })
  | (Base & {
      type: 'CreateInstantLesson';
      lessonId: string;
      title: string;
      /** In an individual session the new lesson is shown at once. */
      sessionKind: 'individual' | 'group';
    })
  | (Base & {
      type: 'SwitchLesson';
      lessonId: string;
      kind: 'course' | 'instant';
      /** Lesson switching is for individual sessions; in groups the lesson stays fixed. */
      sessionKind: 'individual' | 'group';
    })
  | (Base & { type: 'ReturnToSessionLesson'; sessionKind: 'individual' | 'group' })
  | (Base & {
      type: 'RecordSpeakingTime';
      /** Seconds the actor's microphone heard them speak since their last report. */
      seconds: number;
    });
