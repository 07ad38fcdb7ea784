// Homework statuses as people read them.
export const HOMEWORK_STATUS: Record<string, string> = {
  added: 'Added',
  started: 'Started',
  passed: 'Passed',
  verified: 'Verified',
};
export const homeworkHref = (h: { enrollmentId: string; id: string }) =>
  `/platform/enrollments/${h.enrollmentId}/homework/${h.id}`;
