// account (pages/SignIn, pages/account): signing in, changing one's password, and choosing one from a one-time
// link (invitation, reset, the first admin's link).
export default {
  signIn: {
    title: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    pending: 'Signing in…',
    hint: 'New here? Open the link from your invitation to choose a password. Trying Lectern on your own machine? The demo logins are printed in the terminal where you ran <code>npm start</code>.',
  },
  newPassword: {
    label: 'New password',
    rule_one: 'At least {{count}} character.',
    rule_other: 'At least {{count}} characters.',
    ruleSoFar_one: 'At least {{count}} character ({{typed}} so far).',
    ruleSoFar_other: 'At least {{count}} characters ({{typed}} so far).',
    again: 'New password again',
    differ: 'The two passwords differ.',
  },
  change: {
    title: 'Change password',
    intro: 'Signing in elsewhere ends when you change it; you stay signed in here.',
    done: 'Your password is changed. Your other devices are signed out.',
    current: 'Current password',
    submit: 'Change password',
    pending: 'Saving…',
  },
  set: {
    title: 'Choose your password',
    noToken: 'This link has no token. Open the whole link from your mail, or ask an admin for a new one.',
    submit: 'Set password and sign in',
    pending: 'Saving…',
    once: 'The link works once. After that, sign in with your e-mail and this password.',
  },
};
