/**
 * Stand-in for prettier inside the bundled yaml-language-server: OneNode does not offer its
 * formatter (formatting stays with the user's YAML formatter), and prettier would triple the size
 * of the server bundle. Formatting requests never reach it; if one did, it fails clearly.
 */
export function format(): never {
  throw new Error('Formatting is not provided by OneNode.');
}
export const languages = [];
export const parsers = {};
export const printers = {};
export default { format, languages, parsers, printers };
