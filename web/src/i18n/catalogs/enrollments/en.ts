// Enrollments (pages/Enrollments): a teacher's students, a student's courses, or everyone's for an admin.
export default {
  title: 'Enrollments',
  studentIntro: 'Your courses and teachers.',
  staffIntro: 'Students on courses: schedule rules, homework and lessons.',
  none: 'No enrollments yet.',
  adminHint: 'Enroll students from the Courses page.',
  table: {
    student: 'Student',
    course: 'Course',
    teacher: 'Teacher',
    lessonLength: 'Lesson length',
    lessonCost: 'Lesson cost',
  },
  minutes: '{{minutes}} min',
  tokens_one: '{{count}} token',
  tokens_other: '{{count}} tokens',
};
