const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Neutralises text that a spreadsheet would run as a formula (CSV injection)
 * by prefixing a single quote. Only for free text such as reasons and names;
 * amounts the backend formats itself are left as numbers.
 */
export function spreadsheetSafe(text: string | undefined): string {
  if (!text) return '';
  return FORMULA_TRIGGERS.includes(text[0]) ? `'${text}` : text;
}
