import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  rule: {
    all_lessons_assigned: 'Alle Unterrichtsstunden sind bereits zugewiesen.',
    already_completed: 'Diese Sitzung ist bereits abgeschlossen.',
    already_passed: 'Diese Hausaufgabe ist bestanden: Es werden keine Antworten mehr angenommen.',
    already_registered: 'Die lernende Person ist bereits in diesem Abschnitt.',
    already_reserved: 'Für diese Unterrichtsstunde ist bereits ein anderer Betrag reserviert.',
    already_scheduled: 'Diese Sitzung gibt es bereits.',
    analysis_not_found: 'Diese Analyse gibt es nicht.',
    answer_the_exercises: 'Diese Hausaufgabe hat Übungen: Beantworten Sie sie und geben Sie sie ab.',
    answers_revealed: 'Die Antworten wurden aufgedeckt: Es werden keine Antworten mehr angenommen.',
    attendance_confirmed: 'Die Trainerin oder der Trainer hat diese Anwesenheit bereits bestätigt.',
    attendance_unmarked:
      'Markieren Sie vor dem Abschließen alle Lernenden, die nie beigetreten sind, als abwesend (oder mit Begründung als anwesend).',
    awaiting_grading: 'Dieser Versuch wurde abgegeben und wartet auf die Lehrkraft.',
    capacity_below_seats_taken: 'Die Kapazität kann nicht kleiner sein als die bereits belegten Plätze.',
    duplicate_participant: 'Eine lernende Person ist doppelt aufgeführt.',
    email_taken: 'Diese E-Mail-Adresse wird bereits verwendet.',
    enrollment_not_in_course: 'Die Einschreibung gehört zu einem anderen Kurs.',
    erased: 'Diese Person wurde gelöscht.',
    feedback_verified: 'Um bestätigtes Feedback zu ändern, heben Sie zuerst die Bestätigung auf.',
    finish_without_deduction: '„Beenden“ schließt die Unterrichtsstunde ohne Abzug ab.',
    group_locked:
      'Diese Gruppe war im Abschnitt, als sich Lernende angemeldet haben, und kann nicht entfernt werden; Sie können weitere Gruppen hinzufügen.',
    homework_already_assigned: 'Diese Unterrichtsstunde ist bereits als Hausaufgabe zugewiesen.',
    homework_not_passed: 'Nur bestandene Hausaufgaben können bestätigt werden.',
    invalid_charge: 'Jede Abbuchung gilt für eine teilnehmende Person, und zwar nur einmal.',
    invalid_price: 'Eine Unterrichtsstunde kostet eine ganze Zahl von Tokens, 0 oder mehr.',
    invalid_registration_period: 'Die Anmeldung muss nach ihrem Beginn enden.',
    invalid_timing: 'Ein Termin muss nach seinem Beginn enden.',
    last_participant:
      'Eine Gruppensitzung behält mindestens eine lernende Person; sagen Sie sie stattdessen ab.',
    last_training_event:
      'Der letzte Termin eines Abschnitts mit angemeldeten Lernenden kann nicht abgesagt werden; fügen Sie zuerst einen weiteren Termin hinzu.',
    lesson_switching_individual_only:
      'Die Unterrichtsstunde lässt sich nur in Einzelsitzungen wechseln; in einer Gruppensitzung bleibt sie fest.',
    location_required: 'Ein Präsenztermin braucht einen Ort.',
    no_feedback: 'Für diese lernende Person gibt es noch keine Bewertungen zum Bestätigen.',
    no_lesson: 'Diese Sitzung hat keine Unterrichtsstunde aus dem Kurs.',
    no_lesson_content: 'Diese Unterrichtsstunde hat noch keinen Inhalt.',
    no_marks: 'Bestätigen Sie die Anwesenheit für mindestens eine lernende Person.',
    no_participant_groups: 'Ein Abschnitt braucht mindestens eine Teilnehmergruppe.',
    no_participants: 'Eine Gruppensitzung braucht mindestens eine lernende Person.',
    no_reservation: 'Für diese Abbuchung ist nichts reserviert.',
    no_session_lesson: 'Diese Sitzung hat keine Unterrichtsstunde, an die sich anknüpfen lässt.',
    no_students: 'Diese Sitzung hat keine Lernenden für eine Nachbereitung.',
    not_a_student_group: 'Wiederkehrender Unterricht ist für Lernendengruppen.',
    not_in_participant_group: 'Dieser Abschnitt ist für andere Gruppen.',
    not_registered: 'Die lernende Person ist für diese Schulung nicht angemeldet.',
    not_reversible: 'Diese Buchung ist eine Stornierung oder wurde bereits storniert.',
    nothing_answered: 'Beantworten Sie vor der Abgabe mindestens eine Übung.',
    own_role: 'Admins können ihre eigene Rolle nicht ändern.',
    participant_unpriced:
      'Kein Preis für {{studentIds}}: Legen Sie vor dem Abzug den Preis der Unterrichtsstunde für sie fest.',
    poll_closed: 'Die Umfrage ist geschlossen.',
    preview_changed:
      'Guthaben oder Kosten haben sich seit der Vorschau geändert; prüfen Sie die neue Vorschau und bestätigen Sie erneut.',
    reason_required: 'Wer nie beigetreten ist, kann nur mit einer Begründung als anwesend gelten.',
    registered_in_other_section:
      'Lernende können nur in einem Abschnitt einer Schulung sein: Melden Sie sich zuerst ab oder wechseln Sie den Abschnitt.',
    registration_closed: 'Die Anmeldung für diesen Abschnitt ist geschlossen.',
    registration_not_open: 'Die Anmeldung für diesen Abschnitt ist noch nicht geöffnet.',
    room_closed: 'Der Raum ist von 10 Minuten vor Beginn bis zum Ende geöffnet.',
    room_not_open: 'Der Raum öffnet am {{opensAtLocal}}.',
    rule_ended: 'Die Terminregel endete vor diesem Termin.',
    section_has_registrations: 'Ein Abschnitt, in dem es Anmeldungen gab, kann nicht entfernt werden.',
    section_started:
      'Der Abschnitt hat begonnen; bitten Sie eine Trainerin, einen Trainer oder einen Admin, Sie zu entfernen.',
    session_not_ended: 'Eine Nachbereitung wird gesendet, sobald die Sitzung beendet ist.',
    split_in_past: '„Diesen und alle folgenden“ beginnt bei einem künftigen Termin.',
    summaries_off:
      'Keine teilnehmende Person dieser Sitzung hat Zusammenfassungen nach der Sitzung eingeschaltet.',
    trainer_not_eligible:
      'Trainerinnen und Trainer müssen in einer Trainergruppe mit Zugriff auf eine der Teilnehmergruppen des Abschnitts sein.',
    training_event_canceled: 'Dieser Termin wurde abgesagt.',
    training_event_not_running: 'Anwesenheit zählt zwischen Beginn und Ende des Termins.',
    training_event_not_started: 'Die Anwesenheit kann erfasst werden, sobald der Termin begonnen hat.',
    training_has_registrations: 'Eine Schulung mit angemeldeten Lernenden bleibt veröffentlicht.',
  },
};

export default de;
