// Trainings on the Groups page: the organisation's trainings switch and which participant groups each trainer
// group runs trainings for.
export default {
  switch: {
    title: 'Trainings',
    label: 'Trainings are on for this organisation',
    onHint: 'People see the trainings catalogue; trainers and admins manage its sections.',
    offHint: 'Nobody sees trainings while this is off; nothing recorded is lost.',
    adminsOnly: 'Only admins change it.',
  },
  access: {
    legend: 'Runs trainings for',
    hint: 'Members of this trainer group manage the training sections of these participant groups and may be their trainers.',
    toggle: '{{trainers}} runs trainings for {{group}}',
    noStudentGroups: 'There are no student groups yet.',
    none: 'No participant groups yet.',
    andMore_one: 'and {{count}} more group',
    andMore_other: 'and {{count}} more groups',
    unseen_one: '{{count}} group',
    unseen_other: '{{count}} groups',
  },
};
