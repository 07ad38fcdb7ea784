// The Teacher Feedback banner on a verified session (filled in once the completion API exists).
export function FeedbackBanner(_: { liveSessionId: string }) {
  return null;
}
