/* Swedish wording and order shared by the project's pages. */

/** Sorts text as a Swedish reader expects it (å, ä, ö last; numbers by value). */
export const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** "1 öppen", "3 öppna". */
export function plural(count, one, many) {
  return count + ' ' + (count === 1 ? one : many);
}

/** A moment from the API (ISO 8601) as a Swedish reader writes it: 2027-03-01 14:05:00. */
export function dateTime(iso) {
  return new Date(iso).toLocaleString('sv-SE');
}
