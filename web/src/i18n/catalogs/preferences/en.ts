// A person's own preferences (pages/Preferences): their language, summary mails, the way to change their password.
export default {
  title: 'Preferences',
  intro: 'Your language, and the notifications sent to you by mail.',
  language: 'My language: my lesson summaries and their mails are written in it',
  // Each language by its own name (the option carries its lang), the same in every catalogue.
  languageName: {
    en: 'English',
    de: 'Deutsch',
    uk: 'Українська',
  },
  lessonSummary: '<b>Lesson Summary</b>: mail me my summary after a group lesson',
  signIn: 'Sign-in',
  changePassword: '<a>Change your password</a>: your other sign-ins end, this one stays.',
};
