// Weekday codes of schedule rules (RRULE BYDAY) and their names.

export const DAYS = [
  ['MO', 'Monday'],
  ['TU', 'Tuesday'],
  ['WE', 'Wednesday'],
  ['TH', 'Thursday'],
  ['FR', 'Friday'],
  ['SA', 'Saturday'],
  ['SU', 'Sunday'],
] as const;
export const dayName = (d: string) => DAYS.find(([k]) => k === d)?.[1] ?? d;
