// The rule codes whose sentence agrees with a number, and the problem's field holding that number: ErrorBox passes
// it to i18next as `count`, which picks <code>_one, _few, _many or _other in the person's language.
export const pluralField: Record<string, string> = {
  insufficient_balance: 'balance',
  too_many_documents: 'limit',
};
